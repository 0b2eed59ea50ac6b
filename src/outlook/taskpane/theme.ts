// Office's theme to one of the Fluent themes the Teams tab also uses
// (src/ui/theme.ts holds the single mapping to Fluent).
import type { ThemeName } from '../../ui/theme';

/** Forced colours (Windows high contrast) win; else Office's dark flag or a dark background. */
export function themeFromOffice(theme: Office.OfficeTheme | undefined, forcedColors: boolean): ThemeName {
  if (forcedColors) return 'contrast';
  if (!theme) return 'light';
  if (theme.isDarkTheme) return 'dark';
  return luminance(theme.bodyBackgroundColor) < 0.35 ? 'dark' : 'light';
}

function luminance(hex: string | undefined): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? 'ff', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
