/**
 * Life cycles as data: the activity (draft → published → cancelled | finished) and the sign-up
 * (pending | confirmed | waitlisted → cancelled | rejected). Use cases take events through
 * `apply`/`transitionRow`; presenters send `can` to the web as buttons.
 */
import type { Actor } from '../../platform/access.js';
import { can, defineMachine } from '../../platform/state-machine.js';
import type { ActivityState, activities, activitySignups, SignupState } from './schema.js';

export type ActivityRow = typeof activities.$inferSelect;
export type SignupRow = typeof activitySignups.$inferSelect;

/** The actor's relation to one activity (see access.ts). */
export interface ActivityViewer {
  /** Staff whose scope holds the activity's region, or a manager of its organisation. */
  organiser: boolean;
}

export interface GuardedActivity {
  activity: ActivityRow;
  viewer: ActivityViewer;
}

const organiser = (r: GuardedActivity) => r.viewer.organiser;

export type ActivityEvent = 'publish' | 'cancel' | 'finish';

export const activityMachine = defineMachine<ActivityState, ActivityEvent, GuardedActivity>({
  subject: { zh: '活动', en: 'activity' },
  stateOf: (r) => r.activity.state,
  states: {
    draft: { zh: '草稿', en: 'draft' },
    published: { zh: '已发布', en: 'published' },
    cancelled: { zh: '已取消', en: 'cancelled' },
    finished: { zh: '已结束', en: 'finished' },
  },
  events: {
    publish: { label: { zh: '发布', en: 'publish' }, from: ['draft'], to: 'published', when: organiser },
    cancel: {
      label: { zh: '取消活动', en: 'cancel' },
      from: ['draft', 'published'],
      to: 'cancelled',
      when: organiser,
    },
    // Taken by the closing job when the last occurrence is over (no role holds it).
    finish: { label: { zh: '结束', en: 'finish' }, from: ['published'], to: 'finished', roles: [] },
  },
});

export function activityActions(activity: ActivityRow, viewer: ActivityViewer, actor: Actor | null) {
  const { finish: _finish, ...actions } = can(activityMachine, { activity, viewer }, actor);
  return actions;
}

/** The actor's relation to one sign-up. */
export interface SignupViewer {
  isVolunteer: boolean;
  organiser: boolean;
  /** Before the activity's cancellation deadline for this occurrence. */
  beforeDeadline: boolean;
}

export interface GuardedSignup {
  signup: SignupRow;
  viewer: SignupViewer;
}

export type SignupEvent = 'approve' | 'reject' | 'cancel' | 'promote' | 'promote_to_review';

export const signupMachine = defineMachine<SignupState, SignupEvent, GuardedSignup>({
  subject: { zh: '报名', en: 'sign-up' },
  stateOf: (r) => r.signup.state,
  states: {
    pending: { zh: '待审核', en: 'awaiting approval' },
    confirmed: { zh: '已报名', en: 'confirmed' },
    waitlisted: { zh: '候补中', en: 'on the waiting list' },
    rejected: { zh: '未通过', en: 'rejected' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  events: {
    approve: {
      label: { zh: '通过', en: 'approve' },
      from: ['pending'],
      to: 'confirmed',
      when: (r) => r.viewer.organiser,
    },
    reject: {
      label: { zh: '拒绝', en: 'reject' },
      from: ['pending', 'waitlisted', 'confirmed'],
      to: 'rejected',
      when: (r) => r.viewer.organiser,
    },
    cancel: {
      label: { zh: '取消报名', en: 'cancel' },
      from: ['pending', 'confirmed', 'waitlisted'],
      to: 'cancelled',
      // The volunteer until the deadline (the waiting list any time); the organiser any time.
      when: (r) =>
        r.viewer.organiser || (r.viewer.isVolunteer && (r.viewer.beforeDeadline || r.signup.state === 'waitlisted')),
    },
    // Taken by the waiting list when a seat frees up (no role holds it).
    promote: { label: { zh: '候补递补', en: 'move up' }, from: ['waitlisted'], to: 'confirmed', roles: [] },
    // With organiser approval the person moved up holds the seat until the organiser decides.
    promote_to_review: { label: { zh: '候补递补', en: 'move up' }, from: ['waitlisted'], to: 'pending', roles: [] },
  },
});

export function signupActions(signup: SignupRow, viewer: SignupViewer, actor: Actor | null) {
  const { promote: _p, promote_to_review: _r, ...actions } = can(signupMachine, { signup, viewer }, actor);
  return actions;
}
