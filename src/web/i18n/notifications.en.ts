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
    order: {
      placed: {
        title: 'A new order awaits review',
        title_urgent: 'A new urgent order awaits review',
        body: '{{title}} ({{number}})',
      },
      reviewed: { title: 'Your order was approved; a volunteer is being arranged', body: '{{title}} ({{number}})' },
      dispatched: {
        title: 'A service order was dispatched to you',
        title_team: 'A service order was dispatched to your team',
        title_level: 'An order came down from the level above: please take it and dispatch it',
        title_resident: 'Your order was dispatched and awaits a volunteer',
        body: '{{title}} ({{number}})',
      },
      pool: { title: 'A new service order nearby is open to take', body: '{{title}} ({{number}})' },
      accepted: {
        title: 'Volunteer {{name}} accepted your order',
        title_staff: 'The order was accepted',
        body: '{{title}} ({{number}})',
      },
      declined: {
        title: 'An order was handed back: please dispatch it again',
        body: '{{title}} ({{number}}): {{reason}}',
      },
      recalled: {
        title: 'An order dispatched to you was withdrawn',
        title_overdue: 'An order dispatched to you was not accepted in time and was taken back',
        body: '{{title}} ({{number}})',
      },
      escalated: {
        title: 'An order was escalated to your level',
        title_review: 'An order was not reviewed in time and was escalated to your level',
        title_accept: 'An order was not accepted in time and was escalated to your level',
        body: '{{title}} ({{number}}): escalated to {{place}}',
        body_review: '{{title}} ({{number}}): not reviewed in time, escalated to {{place}}',
        body_accept: '{{title}} ({{number}}): not accepted in time, escalated to {{place}}',
      },
      rejected: { title: 'Your order was not approved', body: '{{title}}: {{reason}}' },
      in_service: { title: 'The volunteer has arrived and started the service', body: '{{title}} ({{number}})' },
      completed: {
        title: 'The service is done: please rate it',
        title_staff: 'The order was completed',
        body: '{{title}} ({{number}})',
      },
      rated: {
        title: 'The resident rated your service {{stars}} stars',
        body: '{{title}} ({{number}})',
        body_comment: '{{comment}}',
      },
      cancelled: { title: 'The resident cancelled the order', body: '{{title}} ({{number}})' },
    },
    activity: {
      promoted: {
        title: 'A place opened in “{{activity}}”: your sign-up awaits the organiser’s approval',
        title_confirmed: 'Off the waiting list: you are signed up for “{{activity}}”',
      },
      signup_approve: { title: 'Sign-up approved: “{{activity}}”', body: '{{reason}}' },
      signup_reject: { title: 'Sign-up not approved: “{{activity}}”', body: '{{reason}}' },
      signup_cancel: { title: 'The organiser cancelled your sign-up for “{{activity}}”', body: '{{reason}}' },
      cancelled: { title: 'Activity cancelled: “{{activity}}”', body: '{{reason}}' },
      session_cancelled: {
        title: 'The “{{activity}}” occurrence on {{at}} you signed up for was cancelled',
        body: '{{reason}}',
      },
    },
    family: {
      head_invited: {
        title: '{{name}} registered the volunteer family “{{family}}” with you as its head: please confirm',
      },
      invited: { title: '{{name}} invites you to join the volunteer family “{{family}}” as {{relationEn}}' },
      invitation_accepted: { title: '{{name}} joined your volunteer family “{{family}}”' },
      invitation_declined: { title: '{{name}} declined to join “{{family}}”' },
      member_removed: { title: 'You were removed from the volunteer family “{{family}}”' },
    },
    hours: {
      certificate_revoked: { title: 'Service certificate {{number}} was revoked', body: 'Reason: {{reason}}' },
      certificate_refused: {
        title: 'Your service certificate request was not issued',
        body: 'Reason: {{reason}}. You may check and ask again',
      },
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
      qualification_verified: {
        title: 'Your {{name}} qualification was verified',
        body: 'You can now take services that require it.',
      },
      qualification_rejected: { title: 'Your {{name}} qualification was not accepted', body: '{{reason}}' },
    },
    wish: {
      placed: { title: 'A new micro-wish awaits review', body: '{{title}} ({{number}})' },
      approved: { title: 'Your micro-wish was approved and awaits a giver', body: '{{title}} ({{number}})' },
      rejected: { title: 'Your micro-wish was not approved', body: '{{title}}: {{reason}}' },
      claimed: {
        title: 'Someone claimed your micro-wish',
        title_staff: 'A micro-wish was claimed',
        body: '{{title}} ({{number}})',
      },
      released: {
        title: 'The giver let your micro-wish go; it awaits a new giver',
        title_staff: 'A claim was given up: the micro-wish is back on the wall',
        title_giver: 'A wish your organisation claimed was given up and is back on the wall',
        body: '{{title}} ({{number}})',
      },
      delivered: {
        title: 'Your micro-wish was delivered',
        title_staff: 'A micro-wish was delivered: please confirm',
        body: '{{title}} ({{number}})',
      },
      confirmed: {
        title: 'The community confirmed your micro-wish was delivered: you can thank the giver',
        title_giver: 'The community confirmed your delivery. Thank you for your kindness',
        body: '{{title}} ({{number}})',
      },
      thanked: { title: 'The resident thanked you', body: '{{title}}: {{message}}' },
      withdrawn: { title: 'A resident withdrew a micro-wish', body: '{{title}} ({{number}})' },
      expired: {
        title: 'Your micro-wish passed its deadline unclaimed',
        title_staff: 'A micro-wish expired',
        body: '{{title}} ({{number}})',
      },
    },
  },
};
