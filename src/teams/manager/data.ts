// The manager view's data, built from the shell's Session: the only file in
// this folder that knows which repositories and groups serve the view. The
// view gets a ManagerData, so component tests pass a fake instead.
import { DirectoryRepository, type StaffMember } from '../../graph/directory';
import { NotificationRepository } from '../../graph/notifications';
import { ACKNOWLEDGEMENTS_LIST } from '../../graph/schema';
import type { AppConfig } from '../../ui/config';
import type { Session } from '../shell-types';
import { computeCompliance, type Compliance, type ComplianceRow } from './compliance';
import { sendReminders, tabDeepLink, type ReminderReport } from './reminders';

export type LoadStep = 'policy' | 'staff' | 'signatures';

export interface LoadProgress {
  /** Steps finished so far, of `total`. */
  readonly done: number;
  readonly total: number;
  readonly finished: readonly LoadStep[];
}

export interface ManagerReport extends Compliance {
  readonly policyTitle: string;
}

export interface ManagerData {
  /** Transitive membership of the managers group, asked of the directory (not of the client's own roles). */
  isManager(): Promise<boolean>;
  /** Null when no policy version is current yet. */
  load(onProgress?: (p: LoadProgress) => void): Promise<ManagerReport | null>;
  remind(rows: readonly ComplianceRow[], version: string, onProgress?: (done: number, total: number) => void): Promise<ReminderReport>;
  /** The acknowledgements list in SharePoint, for "Open in SharePoint". */
  listWebUrl(): Promise<string | null>;
}

interface ManagerGroups {
  readonly allStaffGroupId: string;
  readonly managersGroupId: string;
  readonly teamsAppId: string | null;
}

/**
 * The groups the view works from, all from the app's config (the demo's
 * config names the emulator's groups). A build that names no all-staff or
 * managers group fails loudly rather than guessing.
 */
export function managerGroups(config: AppConfig): ManagerGroups {
  const { allStaffGroupId, managersGroupId, teamsAppId } = config;
  if (!allStaffGroupId || !managersGroupId) {
    throw new Error('The manager view needs the all-staff and managers group ids (VITE_ALL_STAFF_GROUP_ID, VITE_MANAGERS_GROUP_ID) in the build.');
  }
  return { allStaffGroupId, managersGroupId, teamsAppId };
}

/** With the Teams app id the reminder deep-links into Teams; without one (the local demo) it links to this tab's page. */
function tabUrl(teamsAppId: string | null): string {
  if (teamsAppId) return tabDeepLink(teamsAppId);
  return typeof location === 'undefined' ? '/teams/index.html' : `${location.origin}/teams/index.html`;
}

export function createManagerData(session: Session): ManagerData {
  let groups: ManagerGroups;
  try {
    groups = managerGroups(session.config);
  } catch (error) {
    // A misconfigured build: every call reports it, and the view shows it instead of crashing.
    const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
    return { isManager: fail, load: fail, remind: fail, listWebUrl: fail };
  }
  const directory = new DirectoryRepository(session.graph, groups);
  const notifications = new NotificationRepository(session.graph);
  const staffMail = new Map<string, string | null>();

  return {
    // Admins see the compliance picture too (the shell grants them the manager tab); everyone else must be in the group.
    isManager: async () => session.roles.has('admin') || directory.isManager(session.user.id),

    async load(onProgress) {
      const finished: LoadStep[] = [];
      const step = <T>(name: LoadStep, work: Promise<T>): Promise<T> => work.then((value) => {
        finished.push(name);
        onProgress?.({ done: finished.length, total: 3, finished: [...finished] });
        return value;
      });
      // Staff and the policy in parallel; the signatures need the policy's version.
      const staffP = step('staff', directory.allStaff());
      const policy = await step('policy', session.policies.current());
      if (!policy) {
        await staffP.catch(() => undefined);
        return null;
      }
      const [staff, acks] = await Promise.all([staffP, step('signatures', session.acknowledgements.listForVersion(policy.version))]);
      for (const s of staff as StaffMember[]) staffMail.set(s.id, s.mail);
      return { ...computeCompliance(staff, acks, policy.version), policyTitle: policy.title };
    },

    remind(rows, version, onProgress) {
      const recipients = rows.map((r) => ({ id: r.id, name: r.name, mail: staffMail.has(r.id) ? staffMail.get(r.id) ?? null : r.email }));
      return sendReminders(notifications, recipients, {
        version,
        managerName: session.user.displayName,
        tabUrl: tabUrl(groups.teamsAppId),
      }, onProgress ? { onProgress } : {});
    },

    listWebUrl: () => session.lists.webUrl(ACKNOWLEDGEMENTS_LIST),
  };
}
