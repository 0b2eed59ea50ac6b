// One mapping from the host's theme name to Fluent's Teams themes (STYLE.md:
// map it once, at the root). Teams says default/dark/contrast; tests and the
// plain browser may force light/dark/contrast with `?theme=`.
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

export const FLUENT_THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams' `app.theme` ('default' | 'dark' | 'contrast', or anything newer) to ours. */
export function themeFromHost(hostTheme: string | undefined): ThemeName {
  if (hostTheme === 'dark') return 'dark';
  if (hostTheme === 'contrast') return 'contrast';
  return 'light';
}

/** `?theme=light|dark|contrast` when given and valid. */
export function themeFromQuery(search: string): ThemeName | null {
  const v = new URLSearchParams(search).get('theme');
  return v === 'light' || v === 'dark' || v === 'contrast' ? v : null;
}
