/**
 * The membership rules as data, with no database: how a request or invitation moves, and which
 * manager may touch which role.
 */
import type { MemberRole, MembershipRequestKind, MembershipRequestStatus } from './members-schema.js';

export type RequestEvent = 'approve' | 'decline' | 'withdraw' | 'accept' | 'reject' | 'revoke';

/** From `pending` only; each kind has its own events. `reject` is the invitee declining an invitation. */
const transitions: Record<MembershipRequestKind, Partial<Record<RequestEvent, MembershipRequestStatus>>> = {
  request: { approve: 'approved', decline: 'declined', withdraw: 'withdrawn' },
  invitation: { accept: 'accepted', reject: 'declined', revoke: 'revoked' },
};

/** The status after `event`, or null when the event does not apply to this kind of request. */
export function nextStatus(kind: MembershipRequestKind, event: RequestEvent): MembershipRequestStatus | null {
  return transitions[kind][event] ?? null;
}

/** How strongly the caller manages an organisation. */
export type ManagerLevel = 'none' | 'admin' | 'leader';

/**
 * Leaders (and org_admin grant holders and staff in scope, who count as leaders) may do anything;
 * admins may manage plain members and admins but never make, unmake or remove a leader.
 */
export function mayChangeRole(level: ManagerLevel, from: MemberRole, to: MemberRole): boolean {
  if (level === 'leader') return true;
  if (level === 'admin') return from !== 'leader' && to !== 'leader';
  return false;
}

export function mayRemove(level: ManagerLevel, target: MemberRole): boolean {
  if (level === 'leader') return true;
  return level === 'admin' && target !== 'leader';
}

export function mayInviteAs(level: ManagerLevel, role: MemberRole): boolean {
  return level === 'leader' || (level === 'admin' && role !== 'leader');
}
