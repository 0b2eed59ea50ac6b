// The one axe check every Teams-app e2e suite runs (staff, manager, admin):
// serious and critical findings against WCAG 2.1 A/AA and best practice.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/**
 * Tabster's focus guards: `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`,
 * which Fluent's tabster puts around arrow-key groups (the TabList, once it
 * has had focus) and modal dialogs. Fluent creates tabster with
 * `controlTab: false` (react-tabster's useTabster, not configurable), so
 * tabster steers Tab through these elements, which pass focus on at once and
 * must stay hidden from screen readers. Tabster's maintainers call the
 * aria-hidden-focus finding intentional (microsoft/tabster#288; axe itself is
 * reconsidering such guards, dequelabs/axe-core#4832). Only this rule, and
 * only these elements, are let off.
 */
const TABSTER_FOCUS_GUARD = /^<i\b[^>]*\bdata-tabster-dummy\b[^>]*>/;

/** Drops tabster's focus guards from aria-hidden-focus findings; every other finding stands. */
export function withoutTabsterFocusGuards(violations: readonly Violation[]): Violation[] {
  return violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !TABSTER_FOCUS_GUARD.test(n.html)) } : v))
    .filter((v) => v.nodes.length > 0);
}

/** Serious and critical axe findings on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours mid-transition (a button just enabled, a tab just selected) are not what anyone reads: let them settle first.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return withoutTabsterFocusGuards(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}
