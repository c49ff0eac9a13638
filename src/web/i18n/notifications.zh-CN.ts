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
    hours: {
      certificate_revoked: { title: '志愿服务记录证明 {{number}} 已撤销', body: '原因：{{reason}}' },
      rejected: { title: '服务时长未获确认', body: '「{{content}}」未获确认：{{reason}}' },
      star_level: {
        title: '恭喜您成为{{level}}星级志愿者',
        body: '您累计志愿服务时长已达{{hours}}小时，感谢您的奉献！',
      },
      correction_rejected: { title: '服务时长更正申请未通过', body: '「{{content}}」：{{note}}' },
      corrected: {
        title: '您的服务时长已更正',
        body: '「{{content}}」由 {{fromMinutes}} 分钟更正为 {{toMinutes}} 分钟',
      },
    },
  },
};
