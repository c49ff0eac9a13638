/**
 * Inbox messages by kind (`notifications.<kind>.title|body`), filled from the parameters the server
 * stores with each message. A kind without an entry shows the text stored on the server (Chinese).
 * English in `notifications.en.ts`.
 */
export const notificationsZhCN = {
  notifications: {
    organisation: {
      joined: { title: '您已加入「{{team}}」' },
      join_requested: { title: '{{name}} 申请加入「{{team}}」' },
      join_approved: { title: '加入「{{team}}」的申请已通过', body: '欢迎加入{{team}}！' },
      join_declined: { title: '加入「{{team}}」的申请未通过', body: '原因：{{reason}}' },
      invitation_accepted: { title: '{{name}} 已接受邀请，加入「{{team}}」' },
      invitation_declined: { title: '{{name}} 谢绝了加入「{{team}}」的邀请' },
      appointed_leader: { title: '您已成为「{{team}}」的队长' },
      role_changed: { title: '您在「{{team}}」的身份已调整为{{role}}' },
      member_removed: { title: '您已被移出「{{team}}」' },
      invited: { title: '{{name}} 邀请您以{{role}}身份加入「{{team}}」' },
    },
    academy: {
      qualification_granted: { title: '恭喜通过「{{course}}」考核，已获得资质' },
      qualification_expiring: {
        title: '您的「{{name}}」资质将于 {{date}} 到期',
        body: '请及时参加复训并重新考核，到期后将不能承接需要该资质的服务。',
      },
      session_cancelled: { title: '您报名的「{{course}}」{{at}} 场次已取消', body: '{{reason}}' },
    },
  },
};
