// Before signing a new version, staff who signed an older one see what changed,
// section by section, with removed and added words marked (not by colour alone:
// <del>/<ins> are announced, and struck through or underlined).
import { useMemo } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { versionName } from '../../policy/index';
import { diffSections, type SectionDiff } from '../../policy/sections';

const useStyles = makeStyles({
  body: { whiteSpace: 'pre-wrap', lineHeight: tokens.lineHeightBase400, maxWidth: '48rem' },
  del: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'line-through' },
  ins: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'underline' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
}

export function WhatChanged({ previousVersion, previousText, currentVersion, currentText }: WhatChangedProps) {
  const styles = useStyles();
  const changes = useMemo(() => diffSections(previousText, currentText).filter((d) => d.status !== 'unchanged'), [previousText, currentText]);
  return (
    <section aria-labelledby="what-changed-heading" className={styles.list}>
      <Text as="h2" id="what-changed-heading" size={500} weight="semibold">
        What changed since the {versionName(previousVersion)} version you signed
      </Text>
      <Text as="p">
        The {versionName(currentVersion)} version is now in force. {changes.length === 0 ? 'Its wording is the same.' : `${changes.length} section${changes.length === 1 ? '' : 's'} changed.`} Please read it and sign again.
      </Text>
      <Accordion multiple collapsible defaultOpenItems={changes.map((c) => c.section.id)}>
        {changes.map((c) => {
          const label = LABEL[c.status as Exclude<SectionDiff['status'], 'unchanged'>];
          return (
            <AccordionItem key={`${c.status}-${c.section.id}`} value={c.section.id}>
              <AccordionHeader as="h3">
                {c.section.heading || 'Introduction'}&nbsp;<Badge appearance="tint" color={label.color}>{label.text}</Badge>
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.body}>
                  {c.status === 'changed'
                    ? c.changes.map((part, i) =>
                      part.kind === 'added' ? <ins key={i} className={styles.ins}>{part.text}</ins>
                        : part.kind === 'removed' ? <del key={i} className={styles.del}>{part.text}</del>
                          : <span key={i}>{part.text}</span>)
                    : c.status === 'added' ? <ins className={styles.ins}>{c.section.body}</ins>
                      : <del className={styles.del}>{c.section.body}</del>}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
