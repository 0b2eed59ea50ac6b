// The policy as staff read it: a table of contents, the sanitised text, a
// reading-progress bar, and an end marker that unlocks the form once seen.
// The marker is focusable, so tabbing (or the "end of the policy" link) gets
// keyboard users there without a mouse wheel.
import { useEffect, useRef, useState } from 'react';
import { Link, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useContrastStyles } from '../../ui/contrast';
import type * as Markdown from '../../ui/markdown';
import type { RenderedPolicy } from '../../ui/markdown';

type Renderer = typeof Markdown;
let renderer: Promise<Renderer> | undefined;

/**
 * Fetches the Markdown renderer (marked and DOMPurify, a third of the staff
 * view's code) on first use. StaffView starts it beside the policy request,
 * so it arrives with the text instead of weighing on the first load.
 */
export function preloadPolicyRenderer(): Promise<Renderer> {
  renderer ??= import('../../ui/markdown');
  return renderer;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  progress: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  toc: {
    '& ol': { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
    '& li': { paddingBlock: tokens.spacingVerticalXXS },
  },
  article: {
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase400,
    maxWidth: '48rem',
    overflowWrap: 'anywhere',
    '& h1': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
    '& h2': { fontSize: tokens.fontSizeBase500, marginBlockStart: tokens.spacingVerticalXXL, scrollMarginTop: '3rem' },
    '& a': { color: tokens.colorBrandForegroundLink },
  },
  end: {
    padding: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface PolicyReaderProps {
  readonly markdown: string;
  onReachedEnd(): void;
}

export function PolicyReader({ markdown, onReachedEnd }: PolicyReaderProps) {
  const [rendered, setRendered] = useState<{ readonly markdown: string; readonly policy: RenderedPolicy } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    preloadPolicyRenderer().then(
      (m) => { if (live) setRendered({ markdown, policy: m.renderPolicyMarkdown(markdown) }); },
      (e: unknown) => { if (live) setFailed(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [markdown]);
  if (failed) return <Text role="alert">The policy could not be shown ({failed}). Reload the page to try again.</Text>;
  // Never show the previous text under a new version's heading.
  if (!rendered || rendered.markdown !== markdown) return <Spinner label="Loading the policy…" />;
  return <PolicyText {...rendered.policy} onReachedEnd={onReachedEnd} />;
}

function PolicyText({ html, toc, onReachedEnd }: RenderedPolicy & Pick<PolicyReaderProps, 'onReachedEnd'>) {
  const styles = useStyles();
  const article = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState(0);
  const reached = useRef(false);

  const reach = (): void => {
    setProgress(1);
    if (reached.current) return;
    reached.current = true;
    onReachedEnd();
  };

  useEffect(() => {
    const measure = (): void => {
      const el = article.current;
      if (!el) return;
      // How far the reader has scrolled through the text: 0 with its top in view
      // and nothing scrolled, 1 with its bottom in view. Counting what the first
      // screen shows read as about 15% before anyone had read a word (issue 14).
      const box = el.getBoundingClientRect();
      const scrollable = box.height - window.innerHeight;
      const seen = scrollable <= 0 ? 0 : -box.top / scrollable;
      setProgress((p) => (reached.current ? 1 : Math.max(p, Math.min(1, Math.max(0, seen)))));
    };
    measure();
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    let observer: IntersectionObserver | undefined;
    if (end.current && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) reach();
      });
      observer.observe(end.current);
    }
    return () => {
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
    // Subscribed once per text: reach() works through refs, so a stale closure is harmless.
  }, [html]);

  const contrast = useContrastStyles();
  const percent = Math.round(progress * 100);
  return (
    <div className={styles.root}>
      <div className={styles.progress}>
        <ProgressBar className={contrast.track} value={progress} thickness="large" aria-label={`Reading progress: ${percent}%`} aria-valuetext={`${percent}% read`} />
      </div>
      <nav aria-label="Contents" className={styles.toc}>
        <Text as="p" weight="semibold" size={400}>Contents</Text>
        <ol>
          {toc.filter((e) => e.depth === 2).map((e) => (
            <li key={e.id}><Link href={`#${e.id}`}>{e.text}</Link></li>
          ))}
          <li><Link href="#policy-end">End of the policy and the form</Link></li>
        </ol>
      </nav>
      <article ref={article} className={styles.article} aria-label="Policy text" dangerouslySetInnerHTML={{ __html: html }} />
      <div
        ref={end}
        id="policy-end"
        tabIndex={0}
        className={styles.end}
        onFocus={reach}
        data-testid="policy-end"
      >
        <Text weight="semibold">End of the policy.</Text> <Text>The form to sign follows.</Text>
      </div>
    </div>
  );
}
