// Who is signed in, who must sign (the all-staff group, nested groups
// included) and who may see everyone's signatures (the managers group).
import type { DirectoryObject, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';

export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  /** Mail, or the UPN when the directory has no mail (the manager view's StaffMember shape). */
  readonly email: string;
  readonly mail: string | null;
  readonly department: string | null;
  readonly jobTitle: string | null;
  /**
   * Entra's employeeHireDate (ISO 8601), when HR or the MIS sync sets it: how a
   * new joiner gets their own time to sign. Graph has no date for when someone
   * joined a group, so this is the only join date there is. Reading it for
   * other users needs User.Read.All (it is not a basic profile property).
   */
  readonly hireDate: string | null;
}

export interface DirectoryGroups {
  /** Entra group whose members (transitively) must sign the AUP. */
  readonly allStaffGroupId: string;
  /** Entra group whose members see every acknowledgement. */
  readonly managersGroupId: string;
}

const USER_SELECT = 'id,displayName,userPrincipalName,mail,department,jobTitle,employeeHireDate';

function toStaff(user: User): StaffMember | null {
  if (!user.id || !user.userPrincipalName) return null;
  return {
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
    email: user.mail ?? user.userPrincipalName,
    mail: user.mail ?? null,
    department: user.department ?? null,
    jobTitle: user.jobTitle ?? null,
    hireDate: user.employeeHireDate ?? null,
  };
}

const isUser = (o: DirectoryObject & { '@odata.type'?: string }): boolean =>
  o['@odata.type'] === undefined || o['@odata.type'] === '#microsoft.graph.user';

export class DirectoryRepository {
  /** Without groups only me() and checkMemberGroups() work: the sign-in needs no configured group to learn who is signed in. */
  constructor(private readonly graph: GraphClient, private readonly groups?: DirectoryGroups) {}

  async me(): Promise<StaffMember> {
    const me = toStaff(await this.graph.get<User>('/me', { query: { $select: USER_SELECT } }));
    if (!me) throw new Error('/me returned no id or userPrincipalName');
    return me;
  }

  /**
   * Which of these groups the signed-in user belongs to, directly or through
   * nested groups: one POST however many groups. None asked, no request.
   */
  async checkMemberGroups(groupIds: readonly string[]): Promise<Set<string>> {
    if (groupIds.length === 0) return new Set();
    const { value } = await this.graph.post<{ value: string[] }>('/me/checkMemberGroups', { groupIds });
    return new Set(value);
  }

  /** Every user in the all-staff group, nested groups flattened by Graph, 999 per page. */
  async allStaff(): Promise<StaffMember[]> {
    return this.usersIn(this.requireGroups().allStaffGroupId, USER_SELECT);
  }

  /**
   * Whether a given user is (transitively) in the managers group. The group is a
   * handful of people, so its member ids are read once and kept, and any user can
   * be checked, not only the caller (as /me/checkMemberGroups would).
   */
  async isManager(userId: string): Promise<boolean> {
    this.managerIds ??= this.usersIn(this.requireGroups().managersGroupId, 'id').then((users) => new Set(users.map((u) => u.id)));
    try {
      return (await this.managerIds).has(userId);
    } catch (error) {
      this.managerIds = undefined;
      throw error;
    }
  }

  private managerIds: Promise<Set<string>> | undefined;

  private requireGroups(): DirectoryGroups {
    if (!this.groups) throw new Error('DirectoryRepository was built without the all-staff and managers groups');
    return this.groups;
  }

  private async usersIn(groupId: string, select: string): Promise<StaffMember[]> {
    const members = await this.graph.all<User & { '@odata.type'?: string }>(`/groups/${encodeURIComponent(groupId)}/transitiveMembers`, {
      query: { $select: select, $top: 999 },
    });
    return members.filter(isUser).flatMap((m) => {
      if (select === 'id') return m.id ? [{ id: m.id, displayName: '', userPrincipalName: '', email: '', mail: null, department: null, jobTitle: null, hireDate: null }] : [];
      const s = toStaff(m);
      return s ? [s] : [];
    });
  }
}
