// The manager view's data, built from the shell's Session: the only file in
// this folder that knows which repositories and groups serve the view. The
// view gets a ManagerData, so component tests pass a fake instead.
import { DirectoryRepository, type StaffMember } from '../../graph/directory';
import { StoreError } from '../../graph/errors';
import { MailRepository, NotificationRepository, type BulkReport } from '../../graph/notifications';
import { ukToday, type PolicyVersion } from '../../graph/policies';
import { RemindersRepository, type Reminder } from '../../graph/reminders';
import { ACKNOWLEDGEMENTS_LIST } from '../../graph/schema';
import { SHAREPOINT_SCOPES } from '../../graph/scopes';
import { TeamsAppCatalog } from '../../graph/teams-app';
import { campaignOn, newerFirst, policyHash } from '../../policy/index';
import type { AppConfig } from '../../ui/config';
import type { Session } from '../shell-types';
import { computeCompliance, type Compliance, type ComplianceRow } from './compliance';
import { publishedMessages, sendReminders, tabDeepLink, type Recipient, type ReminderReport } from './reminders';

export type LoadStep = 'policy' | 'staff' | 'signatures' | 'earlier' | 'reminders';
const STEPS = 5;
/** SharePoint serves list items 5,000 to a page (its list view threshold); fewer round trips for a large school. */
const PAGE = 5000;

export interface LoadProgress {
  /** Steps finished so far, of `total`. */
  readonly done: number;
  readonly total: number;
  readonly finished: readonly LoadStep[];
}

/** Where a version stands today. */
export type VersionState = 'current' | 'upcoming' | 'earlier';

export interface VersionChoice {
  readonly version: string;
  readonly state: VersionState;
  readonly effectiveDate: string | null;
}

export interface ManagerReport extends Compliance {
  readonly policyTitle: string;
  /** The version reported on, without its text. */
  readonly policy: PolicyVersion;
  readonly state: VersionState;
  /** Every published version, newest first, for the version picker. */
  readonly versions: readonly VersionChoice[];
  /** False when the site has no AUP Reminders list yet: reminders can go out but are not recorded. */
  readonly remindersRecorded: boolean;
}

/** Where reminders send people: the tab in Teams, or its web page, and why not Teams. */
export interface TabLink {
  readonly url: string;
  readonly kind: 'teams' | 'web';
  /** Why the link is not a Teams deep link, in words for the manager; null when nothing is wrong. */
  readonly problem: string | null;
}

export interface RemindOutcome extends ReminderReport {
  /** Reminders written to AUP Reminders, and any that could not be. */
  readonly recorded: number;
  readonly notRecorded: readonly string[];
}

export interface AnnounceReport {
  readonly teams: BulkReport;
  /** Told by email because Teams could not reach them last time. */
  readonly mailed: readonly string[];
  readonly mailFailed: string | null;
  /** Teams could not reach them and they have no mailbox. */
  readonly unreachable: readonly string[];
}

export interface ManagerData {
  /** The signed-in manager's user id and name: they are never reminded by themselves, and sign the reminders. */
  readonly selfId: string;
  readonly selfName: string;
  /** Transitive membership of the managers group, asked of the directory (not of the client's own roles). */
  isManager(): Promise<boolean>;
  /**
   * The report for a version (default: the one in force today), or null when
   * none is published. `refresh` reads the staff list again.
   */
  load(options?: { version?: string; refresh?: boolean }, onProgress?: (p: LoadProgress) => void): Promise<ManagerReport | null>;
  remind(rows: readonly ComplianceRow[], report: ManagerReport, onProgress?: (done: number, total: number) => void): Promise<RemindOutcome>;
  /** Tells all staff (but the sender) that a version is out: Teams in batches, email where Teams could not reach them. */
  announce(policy: PolicyVersion, onProgress?: (done: number, total: number) => void): Promise<AnnounceReport>;
  tabLink(): Promise<TabLink>;
  /** The acknowledgements list in SharePoint, for "Open in SharePoint"; null when Graph gives no address. */
  sharePointLink(): Promise<SharePointLink | null>;
}

/** "Open in SharePoint": the list's own address, and in the demo the way to open it signed in. */
export interface SharePointLink {
  /** The list's webUrl: its default view ("By version"), and what a copied link opens. */
  readonly href: string;
  /**
   * The demo only: opens the emulator's stand-in page as the signed-in user (the page cannot see the
   * tab's token otherwise). Null in production, where the link is SharePoint's own page, unchanged.
   */
  readonly open: (() => void) | null;
}

interface ManagerGroups {
  readonly allStaffGroupId: string;
  readonly managersGroupId: string;
}

/**
 * The groups the view works from, all from the app's config (the demo's
 * config names the emulator's groups). A build that names no all-staff or
 * managers group fails loudly rather than guessing.
 */
export function managerGroups(config: AppConfig): ManagerGroups {
  const { allStaffGroupId, managersGroupId } = config;
  if (!allStaffGroupId || !managersGroupId) {
    throw new Error('The manager view needs the all-staff and managers group ids (VITE_ALL_STAFF_GROUP_ID, VITE_MANAGERS_GROUP_ID) in the build.');
  }
  return { allStaffGroupId, managersGroupId };
}

const webTabUrl = (): string => (typeof location === 'undefined' ? '/teams/index.html' : `${location.origin}/teams/index.html`);

/**
 * The link reminders carry. A Teams deep link needs the app's id in the
 * organisation's catalog: from the build's config, else looked up from the
 * manifest id; without a Teams app (the local demo) the tab's web page.
 */
export async function resolveTabLink(config: Pick<AppConfig, 'teamsAppId' | 'teamsCatalogAppId'>, catalog: Pick<TeamsAppCatalog, 'findByManifestId'>): Promise<TabLink> {
  if (config.teamsCatalogAppId) return { url: tabDeepLink(config.teamsCatalogAppId), kind: 'teams', problem: null };
  if (!config.teamsAppId) return { url: webTabUrl(), kind: 'web', problem: null };
  const found = await catalog.findByManifestId(config.teamsAppId);
  if (found.kind === 'found') return { url: tabDeepLink(found.app.id), kind: 'teams', problem: null };
  const fix = 'Set AUP_TEAMS_CATALOG_APP_ID in .env to the App ID shown in Teams admin centre > Teams apps > Manage apps > AUP Guard, then package and upload again.';
  const why = found.kind === 'missing'
    ? `AUP Guard (manifest id ${config.teamsAppId}) is not in your organisation's Teams app catalog.`
    : `AUP Guard could not look up its id in your organisation's Teams app catalog (${found.message}); this needs the AppCatalog.Read.All permission.`;
  return { url: webTabUrl(), kind: 'web', problem: `${why} Links in reminders open the web page instead of Teams. ${fix}` };
}

const stateOf = (v: PolicyVersion, state: ReturnType<typeof campaignOn<PolicyVersion>>): VersionState =>
  state.current?.version === v.version ? 'current' : state.upcoming?.version === v.version ? 'upcoming' : 'earlier';

export function createManagerData(session: Session, clock: () => Date = () => new Date()): ManagerData {
  let groups: ManagerGroups;
  try {
    groups = managerGroups(session.config);
  } catch (error) {
    // A misconfigured build: every call reports it, and the view shows it instead of crashing.
    const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
    return { selfId: session.user.id, selfName: session.user.displayName, isManager: fail, load: fail, remind: fail, announce: fail, tabLink: fail, sharePointLink: fail };
  }
  const directory = new DirectoryRepository(session.graph, groups);
  const mail = new MailRepository(session.graph);
  const notifications = new NotificationRepository(session.graph, mail);
  const reminders = new RemindersRepository(session.lists);
  const catalog = new TeamsAppCatalog(session.graph);
  let staffCache: Promise<StaffMember[]> | undefined;
  const staff = (refresh: boolean): Promise<StaffMember[]> => {
    if (refresh || !staffCache) {
      staffCache = directory.allStaff();
      staffCache.catch(() => { staffCache = undefined; });
    }
    return staffCache;
  };
  let link: Promise<TabLink> | undefined;
  const tabLink = (): Promise<TabLink> => (link ??= resolveTabLink(session.config, catalog));

  return {
    selfId: session.user.id,
    selfName: session.user.displayName,
    // Admins see the compliance picture too (the shell grants them the manager tab); everyone else must be in the group.
    isManager: async () => session.roles.has('admin') || directory.isManager(session.user.id),

    async load(options = {}, onProgress) {
      const finished: LoadStep[] = [];
      const step = <T>(name: LoadStep, work: Promise<T>): Promise<T> => work.then((value) => {
        finished.push(name);
        onProgress?.({ done: finished.length, total: STEPS, finished: [...finished] });
        return value;
      });
      // Staff and the versions in parallel; the signatures need the version.
      const staffP = step('staff', staff(options.refresh === true));
      const all = await step('policy', session.policies.list());
      const state = campaignOn(all, ukToday(clock()));
      const published = all.filter((v) => v.status !== 'Draft').sort(newerFirst);
      const chosen = (options.version ? published.find((v) => v.version === options.version) : undefined) ?? state.current ?? state.upcoming;
      if (!chosen) {
        await staffP.catch(() => undefined);
        return null;
      }
      // Everyone who signed a version older than this one "signed an earlier version".
      const older = published.slice(published.indexOf(chosen) + 1).map((v) => v.version);
      let remindersRecorded = true;
      const [people, text, records, earlier, lastReminded] = await Promise.all([
        staffP,
        session.policies.get(chosen.version).then((v) => v?.text ?? ''),
        step('signatures', session.acknowledgements.listForVersion(chosen.version, { pageSize: PAGE, forReview: true })),
        step('earlier', Promise.all(older.map((v) => session.acknowledgements.signersOf(v, { pageSize: PAGE }))).then((x) => x.flat())),
        step('reminders', reminders.lastReminded(chosen.version).catch((error: unknown) => {
          if (!(error instanceof StoreError && error.code === 'listNotProvisioned')) throw error;
          remindersRecorded = false;
          return new Map<string, Reminder>();
        })),
      ]);
      const compliance = computeCompliance(people, records, {
        version: chosen.version, hash: policyHash(text), publishedAt: chosen.publishedAt, effectiveDate: chosen.effectiveDate, dueDate: chosen.dueDate,
      }, {
        earlier, earlierVersions: older,
        lastReminded: new Map([...lastReminded].map(([id, r]) => [id, r.sentAt])),
      });
      return {
        ...compliance,
        policyTitle: chosen.title,
        policy: chosen,
        state: stateOf(chosen, state),
        versions: published.map((v) => ({ version: v.version, state: stateOf(v, state), effectiveDate: v.effectiveDate })),
        remindersRecorded,
      };
    },

    async remind(rows, report, onProgress) {
      const mailOf = new Map((await staff(false).catch(() => [])).map((s) => [s.id, s.mail]));
      const recipients: Recipient[] = rows.map((r) => ({
        id: r.id, name: r.name, mail: mailOf.has(r.id) ? mailOf.get(r.id) ?? null : r.email, ...(r.dueDate ? { dueDate: r.dueDate } : {}),
      }));
      const sent = await sendReminders(notifications, recipients, {
        version: report.version, title: report.policyTitle, dueDate: report.policy.dueDate,
        managerName: session.user.displayName, tabUrl: (await tabLink()).url,
      }, onProgress ? { onProgress } : {});
      if (!report.remindersRecorded || sent.sent.length === 0) return { ...sent, recorded: 0, notRecorded: sent.sent.map((s) => s.recipient.name) };
      const outcome = await reminders.record(report.version, sent.sent.map((s) => ({
        recipientId: s.recipient.id, recipientName: s.recipient.name, channel: s.outcome === 'activity' ? 'Teams' : 'Email',
      }))).catch((error: unknown) => ({ recorded: 0, failed: sent.sent.map((s) => ({ recipientId: s.recipient.id, message: String(error) })) }));
      const names = new Map(recipients.map((r) => [r.id, r.name]));
      return { ...sent, recorded: outcome.recorded, notRecorded: outcome.failed.map((f) => names.get(f.recipientId) ?? f.recipientId) };
    },

    async announce(policy, onProgress) {
      const people = (await staff(false)).filter((s) => s.id !== session.user.id);
      // Teams could not reach these people the last time a reminder tried (it went by email instead).
      const history = await reminders.allLatest().catch(() => new Map<string, Reminder>());
      const viaMail = people.filter((p) => history.get(p.id)?.channel === 'Email');
      const viaTeams = people.filter((p) => !viaMail.includes(p));
      const link = await tabLink();
      const { activity, mail: message } = publishedMessages({
        version: policy.version, title: policy.title, dueDate: policy.dueDate, effectiveDate: policy.effectiveDate,
        managerName: session.user.displayName, tabUrl: link.url,
      });
      const teams = await notifications.notifyMany(viaTeams.map((p) => p.id), activity, onProgress);
      const withMailbox = viaMail.filter((p) => p.mail);
      let mailFailed: string | null = null;
      try {
        // Blind copies, 100 to a message: one message each, from the sender's own mailbox, without showing staff each other's addresses.
        for (let i = 0; i < withMailbox.length; i += 100) {
          await mail.sendMail({ ...message, to: [session.user.mail ?? session.user.upn], bcc: withMailbox.slice(i, i + 100).map((p) => p.mail!) });
        }
      } catch (error) {
        mailFailed = error instanceof Error ? error.message : String(error);
      }
      return {
        teams,
        mailed: mailFailed ? [] : withMailbox.map((p) => p.displayName),
        mailFailed,
        unreachable: viaMail.filter((p) => !p.mail).map((p) => p.displayName),
      };
    },

    tabLink,
    async sharePointLink() {
      const href = await session.lists.webUrl(ACKNOWLEDGEMENTS_LIST);
      if (!href) return null;
      // MODE first: a literal at build time, so production drops the demo hand-off (and its /_dev address) whole.
      if (import.meta.env.MODE !== 'production' && session.config.mode === 'demo') {
        const [{ openEmulatorPage }, token] = await Promise.all([
          import('../../ui/auth/demo'), session.getToken(SHAREPOINT_SCOPES.map((s) => `${new URL(href).origin}/${s}`)),
        ]);
        return { href, open: () => openEmulatorPage(token, href) };
      }
      return { href, open: null };
    },
  };
}
