// The store's public face: one client, one set of repositories per site,
// shared by the Teams tab, the manager view and the CLI.
import type { GraphClient } from './client';
import { siteLists } from './lists';
import type { SiteLists } from './lists';
import { AcknowledgementsRepository } from './acknowledgements';
import { PoliciesRepository } from './policies';
import { SettingsRepository } from './settings';
import { ContactsRepository } from './contacts';
import { DirectoryRepository } from './directory';
import type { DirectoryGroups } from './directory';
import { MailRepository, NotificationRepository } from './notifications';

export * from './client';
export * from './errors';
export * from './acknowledgements';
export * from './policies';
export * from './settings';
export * from './contacts';
export * from './send-check';
export * from './directory';
export * from './notifications';
export * from './reminders';
export * from './teams-app';
export * from './sp-rest';
export * from './provision';
export * from './permissions';
export * from './scopes';
export * from './access';
export * from './site';
export { siteLists } from './lists';
export type { SiteLists, Item } from './lists';

export interface Store {
  readonly graph: GraphClient;
  readonly lists: SiteLists;
  readonly policies: PoliciesRepository;
  readonly acknowledgements: AcknowledgementsRepository;
  readonly settings: SettingsRepository;
  readonly contacts: ContactsRepository;
  readonly directory: DirectoryRepository;
  readonly mail: MailRepository;
  readonly notifications: NotificationRepository;
}

export function createStore(options: { graph: GraphClient; siteId: string; groups: DirectoryGroups }): Store {
  const lists = siteLists(options.graph, options.siteId);
  const mail = new MailRepository(options.graph);
  return {
    graph: options.graph,
    lists,
    policies: new PoliciesRepository(lists),
    acknowledgements: new AcknowledgementsRepository(lists),
    settings: new SettingsRepository(lists),
    contacts: new ContactsRepository(lists),
    directory: new DirectoryRepository(options.graph, options.groups),
    mail,
    notifications: new NotificationRepository(options.graph, mail),
  };
}
