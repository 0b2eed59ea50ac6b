// Before signing a new version, staff who signed an older one see what changed,
// section by section. Removed and added words are marked (not by colour alone:
// <del>/<ins> are struck through or underlined) and a change reads as one:
// "6.00 pm" to "5.30 pm" is one replacement, and a screen reader hears
// "changed from 6.00 pm to 5.30 pm" (issue 14). The admin's editor shows this
// same component as its preview, so what is previewed is what staff see.
import { useMemo } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { describeVersion } from '../../policy/index';
import { diffSections, type SectionDiff, type TextChange } from '../../policy/sections';
import { formatCalendarDate } from '../../ui/format';

const useStyles = makeStyles({
  body: { whiteSpace: 'pre-wrap', lineHeight: tokens.lineHeightBase400, maxWidth: '48rem', overflowWrap: 'anywhere' },
  del: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'line-through' },
  ins: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'underline' },
  // The new words a little apart from the struck-out ones they replace.
  after: { marginInlineStart: tokens.spacingHorizontalXS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  // Read by screen readers, not shown: the words that make a change a sentence.
  srOnly: {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden',
    clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
  },
});

const LABEL: Record<Exclude<SectionDiff['status'], 'unchanged'>, { text: string; color: 'warning' | 'success' | 'danger' }> = {
  changed: { text: 'Changed', color: 'warning' },
  added: { text: 'New', color: 'success' },
  removed: { text: 'Removed', color: 'danger' },
};

export interface WhatChangedProps {
  readonly previousVersion: string;
  readonly previousText: string;
  readonly currentVersion: string;
  readonly currentText: string;
  /** When the new version takes effect, if that is still to come. */
  readonly comesIntoForce?: string | null;
  /** The heading level of the section's title: 2 in the staff view, 3 inside the admin's preview. */
  readonly level?: 2 | 3;
}

function Change({ change }: { readonly change: TextChange }) {
  const styles = useStyles();
  switch (change.kind) {
    case 'same':
      return <span>{change.text}</span>;
    case 'added':
      return <><span className={styles.srOnly}> added: </span><ins className={styles.ins}>{change.text}</ins><span className={styles.srOnly}> (end of addition) </span></>;
    case 'removed':
      return <><span className={styles.srOnly}> removed: </span><del className={styles.del}>{change.text}</del><span className={styles.srOnly}> (end of removal) </span></>;
    case 'replaced':
      return (
        <span data-testid="replacement">
          <span className={styles.srOnly}> changed from </span><del className={styles.del}>{change.removed}</del>
          <span className={styles.srOnly}> to </span><ins className={mergeClasses(styles.ins, styles.after)}>{change.added}</ins><span className={styles.srOnly}> (end of change) </span>
        </span>
      );
  }
}

export function WhatChanged({ previousVersion, previousText, currentVersion, currentText, comesIntoForce = null, level = 2 }: WhatChangedProps) {
  const styles = useStyles();
  const changes = useMemo(() => diffSections(previousText, currentText).filter((d) => d.status !== 'unchanged'), [previousText, currentText]);
  const sectionLevel = level === 2 ? 'h3' : 'h4';
  const when = comesIntoForce ? `comes into force on ${formatCalendarDate(comesIntoForce)}` : 'is now in force';
  return (
    <section aria-labelledby="what-changed-heading" className={styles.list}>
      <Text as={level === 2 ? 'h2' : 'h3'} id="what-changed-heading" size={level === 2 ? 500 : 400} weight="semibold">
        What changed since version {describeVersion(previousVersion)}, which you signed
      </Text>
      <Text as="p">
        {currentVersion ? `Version ${describeVersion(currentVersion)}` : 'The new version'} {when}. {changes.length === 0 ? 'Its wording is the same.' : `${changes.length} section${changes.length === 1 ? '' : 's'} changed.`} Please read it and sign again.
      </Text>
      <Accordion multiple collapsible defaultOpenItems={changes.map((c) => c.section.id)}>
        {changes.map((c) => {
          const label = LABEL[c.status as Exclude<SectionDiff['status'], 'unchanged'>];
          return (
            <AccordionItem key={`${c.status}-${c.section.id}`} value={c.section.id}>
              <AccordionHeader as={sectionLevel}>
                {c.section.heading || 'Introduction'}&nbsp;<Badge className={styles.badge} appearance="tint" color={label.color}>{label.text}</Badge>
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.body}>
                  {c.status === 'changed'
                    ? c.changes.map((part, i) => <Change key={i} change={part} />)
                    : c.status === 'added' ? <Change change={{ kind: 'added', text: c.section.body }} />
                      : <Change change={{ kind: 'removed', text: c.section.body }} />}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
