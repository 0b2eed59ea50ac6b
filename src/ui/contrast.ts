// The app's own high-contrast theme (Teams' "contrast", Fluent's
// teamsHighContrastTheme) paints a progress bar's track and some badges in
// the page's own background colour, so the track and a badge's edge vanish
// (issue 14). These styles outline them, only under that theme: PageFrame
// marks the provider with data-theme. Windows' forced colours get the same.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useContrastStyles = makeStyles({
  /** A ProgressBar's root: its track. */
  track: {
    ':global([data-theme="contrast"])': { outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForeground1}`, outlineOffset: '1px' },
    '@media (forced-colors: active)': { outline: '1px solid CanvasText', outlineOffset: '1px' },
  },
  /** A tint or outline Badge. */
  badge: {
    ':global([data-theme="contrast"])': { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForeground1}` },
  },
});
