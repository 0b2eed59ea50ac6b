// The page's frame: the host's theme at the root, the page's own layout one
// level in. Fluent copies the FluentProvider's className onto every portal's
// mount node (applyStylesToPortals), and that node is absolutely positioned
// over the page at z-index 1000000; full-height and background styles on the
// provider made each tooltip, menu or dialog portal a page-sized sheet that
// swallowed clicks. So the provider carries only the theme.
import type { ReactNode } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { FLUENT_THEMES, type ThemeName } from '../ui/theme';

const useStyles = makeStyles({
  // The provider already sets the text colour (and copies it to portals, which is right).
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

export function PageFrame({ theme, children }: { readonly theme: ThemeName; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} data-theme={theme}>
      <div className={styles.page}>{children}</div>
    </FluentProvider>
  );
}
