// The view switcher (Policy, Who has signed, Administration). Only managers
// and admins have more than one view, so Fluent's tabs load with this chunk
// instead of weighing on every member of staff's first load.
import { Tab, TabList } from '@fluentui/react-components';

export interface ViewTabsProps {
  readonly tabs: readonly { readonly value: string; readonly label: string }[];
  readonly selected: string;
  onSelect(value: string): void;
}

export default function ViewTabs({ tabs, selected, onSelect }: ViewTabsProps) {
  return (
    <TabList selectedValue={selected} onTabSelect={(_, d) => onSelect(String(d.value))}>
      {tabs.map((t) => <Tab key={t.value} value={t.value}>{t.label}</Tab>)}
    </TabList>
  );
}
