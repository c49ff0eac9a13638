import type { notificationsZhCN } from './notifications.zh-CN.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Inbox messages by kind (English). Same keys as `notifications.zh-CN.ts`. */
export const notificationsEn: Strings<typeof notificationsZhCN> = {
  notifications: {
    organisation: {
      joined: { title: 'You joined {{team}}' },
      join_requested: { title: '{{name}} asks to join {{team}}' },
      join_approved: { title: 'Your request to join {{team}} was approved', body: 'Welcome to {{team}}!' },
      join_declined: { title: 'Your request to join {{team}} was declined', body: 'Reason: {{reason}}' },
      invitation_accepted: { title: '{{name}} accepted the invitation to join {{team}}' },
      invitation_declined: { title: '{{name}} declined the invitation to join {{team}}' },
      appointed_leader: { title: 'You are now the leader of {{team}}' },
      role_changed: { title: 'Your role in {{team}} is now {{roleEn}}' },
      member_removed: { title: 'You were removed from {{team}}' },
      invited: { title: '{{name}} invites you to join {{team}} as {{roleEn}}' },
    },
    hours: {
      certificate_revoked: { title: 'Service certificate {{number}} was revoked', body: 'Reason: {{reason}}' },
      rejected: { title: 'Service hours not accepted', body: '“{{content}}” was not accepted: {{reason}}' },
      star_level: {
        title: 'Congratulations: you are a {{level}}-star volunteer',
        body: 'Your service has reached {{hours}} hours. Thank you!',
      },
      correction_rejected: { title: 'Your correction of service hours was declined', body: '“{{content}}”: {{note}}' },
      corrected: {
        title: 'Your service hours were corrected',
        body: '“{{content}}”: {{fromMinutes}} min corrected to {{toMinutes}} min',
      },
    },
  },
};
