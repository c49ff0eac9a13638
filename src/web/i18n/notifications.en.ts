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
    academy: {
      qualification_granted: { title: 'You passed the {{course}} assessment and earned its qualification' },
      qualification_expiring: {
        title: 'Your {{name}} qualification expires on {{date}}',
        body: 'Retrain and retake the assessment in time: once it expires you cannot take services that require it.',
      },
      session_cancelled: {
        title: 'The {{course}} session on {{at}} you enrolled in was cancelled',
        body: '{{reason}}',
      },
    },
  },
};
