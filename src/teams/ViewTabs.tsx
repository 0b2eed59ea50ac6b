// The view switcher (Policy, Who has signed, Administration). Only managers
// and admins have more than one view, so Fluent's tabs load with this chunk
// instead of weighing on every member of staff's first load.
import { Tab, TabList, makeStyles } from '@fluentui/react-components';

// On a phone the tabs wrap rather than running off the screen.
const useStyles = makeStyles({ list: { flexWrap: 'wrap' } });

export interface ViewTabsProps {
  readonly tabs: readonly { readonly value: string; readonly label: string }[];
  readonly selected: string;
  onSelect(value: string): void;
}

export default function ViewTabs({ tabs, selected, onSelect }: ViewTabsProps) {
  const styles = useStyles();
  return (
    <TabList className={styles.list} selectedValue={selected} onTabSelect={(_, d) => onSelect(String(d.value))}>
      {tabs.map((t) => <Tab key={t.value} value={t.value}>{t.label}</Tab>)}
    </TabList>
  );
}
