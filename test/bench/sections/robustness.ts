// Robustness: a 5 MB adversarial body must finish in under a second. It aims
// at the costly paths: digit runs, separator-tolerant matching, near-miss
// identifiers with their keywords, invisible characters and deep HTML.
import { checkDraft } from '../../../src/compose-check/index';
import { badUpn } from '../../fixtures/corpus/ids';
import { draftWith, medianMs, schoolSettings } from '../support';
import { printTable, verdict } from '../table';

const NOW = new Date('2026-02-10T10:30:00Z');
const MB = 1024 * 1024;

function fill(unit: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  return parts.join('');
}

export function adversarialHtml(): { html: string; parts: [string, number][] } {
  const digits = `<p>${fill((i) => String(i % 10), MB)}</p>`;
  const spacedDigits = `<p>${fill((i) => `${(i * 7) % 10}${i % 3 === 0 ? ' ' : i % 3 === 1 ? '-' : '\u200B'}`, MB)}</p>`;
  const nearMiss = fill((i) => {
    const d = String(886402190000 + i).padStart(12, '0').slice(-12);
    return `UPN ${badUpn(d)} ULN ${String(5274013300 + i * 11).slice(0, 10)} NHS number ${String(4857773000 + i * 13).slice(0, 3)} ` +
      `${String(i % 1000).padStart(3, '0')} ${String(i % 10000).padStart(4, '0')} NI QQ ${String(i % 100).padStart(2, '0')} 34 56 C; `;
  }, 1.5 * MB);
  const namesAndContext = fill((i) => (i % 2 ? 'Amelia Hughes ' : 'safeguarding EHCP medication '), MB / 2);
  const depth = 50_000;
  const nested = `${'<div>'.repeat(depth)}${'<span>x</span>&#56;&amp;'.repeat(10_000)}${'</div>'.repeat(depth)}`;
  const tagSoup = fill((i) => `<b>${i % 10}</b><i>${(i + 3) % 10}</i>&#${48 + (i % 10)};`, MB - nested.length);
  const parts: [string, number][] = [
    ['one 1 MB digit run', digits.length],
    ['digits split by spaces, dashes, zero-width', spacedDigits.length],
    ['near-miss UPN/ULN/NHS/NI with keywords', nearMiss.length],
    ['roster name beside context words', namesAndContext.length],
    [`HTML nested ${depth} deep + tag soup`, nested.length + tagSoup.length],
  ];
  return { html: `<html><body>${digits}${spacedDigits}${nearMiss}${namesAndContext}${nested}${tagSoup}</body></html>`, parts };
}

export async function run(): Promise<void> {
  const settings = schoolSettings(2000);
  const { html, parts } = adversarialHtml();
  const draft = draftWith(html);
  const first = performance.now();
  const decision = checkDraft(draft, { now: NOW, settings });
  const firstMs = performance.now() - first;
  const median = medianMs(() => checkDraft(draft, { now: NOW, settings }), 3, 0);
  printTable('Robustness: adversarial body', ['part', 'bytes'], parts);
  printTable(`Robustness: ${(html.length / MB).toFixed(2)} MB in one draft, 2,000-pupil roster`,
    ['measure', 'value', 'target', ''], [
      ['first run ms', firstMs, '< 1000 ms', verdict(firstMs < 1000)],
      ['median of 3 ms', median, '< 1000 ms', verdict(median < 1000)],
      ['verdict / findings', `${decision.verdict} / ${decision.findings.length}`, '', ''],
    ]);
}
