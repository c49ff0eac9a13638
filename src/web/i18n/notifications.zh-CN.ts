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
    // A variant for some readers comes as the `context` parameter: `title_staff` for staff, say.
    order: {
      placed: { title: '新订单待审核', title_urgent: '新的紧急订单待审核', body: '{{title}}（{{number}}）' },
      reviewed: { title: '您的订单已通过审核，正在安排志愿者', body: '{{title}}（{{number}}）' },
      dispatched: {
        title: '有新的服务订单派给您',
        title_team: '有新的服务订单派给您的服务队',
        title_level: '上级派来一张订单，请接收并派单',
        title_resident: '您的订单已派出，等待志愿者接单',
        body: '{{title}}（{{number}}）',
      },
      pool: { title: '附近有新的服务订单可以抢单', body: '{{title}}（{{number}}）' },
      accepted: { title: '志愿者{{name}}已接单', title_staff: '订单已被接单', body: '{{title}}（{{number}}）' },
      declined: { title: '订单被退回，请重新派单', body: '{{title}}（{{number}}）：{{reason}}' },
      recalled: {
        title: '派给您的订单已被撤回',
        title_overdue: '派给您的订单超时未接，已收回',
        body: '{{title}}（{{number}}）',
      },
      escalated: {
        title: '订单已上报到本级',
        title_review: '订单超时未审核，已上报到本级',
        title_accept: '订单超时未接单，已上报到本级',
        body: '{{title}}（{{number}}）：已上报{{place}}',
        body_review: '{{title}}（{{number}}）：超时未审核，已上报{{place}}',
        body_accept: '{{title}}（{{number}}）：超时未接单，已上报{{place}}',
      },
      rejected: { title: '您的订单未通过审核', body: '{{title}}：{{reason}}' },
      in_service: { title: '志愿者已到达，开始服务', body: '{{title}}（{{number}}）' },
      completed: { title: '服务已完成，请您评价', title_staff: '订单服务已完成', body: '{{title}}（{{number}}）' },
      rated: { title: '居民给您的服务评了{{stars}}星', body: '{{title}}（{{number}}）', body_comment: '{{comment}}' },
      cancelled: { title: '订单已被居民取消', body: '{{title}}（{{number}}）' },
    },
    activity: {
      promoted: {
        title: '候补递补：「{{activity}}」有空位，等待组织者审核',
        title_confirmed: '候补成功：您已报名「{{activity}}」',
      },
      signup_approve: { title: '报名已通过：「{{activity}}」', body: '{{reason}}' },
      signup_reject: { title: '报名未通过：「{{activity}}」', body: '{{reason}}' },
      signup_cancel: { title: '组织者取消了您在「{{activity}}」的报名', body: '{{reason}}' },
      cancelled: { title: '活动已取消：「{{activity}}」', body: '{{reason}}' },
      session_cancelled: { title: '您报名的「{{activity}}」{{at}} 场次已取消', body: '{{reason}}' },
    },
    family: {
      head_invited: { title: '{{name}} 为您登记了志愿服务家庭「{{family}}」，请确认是否担任户主' },
      invited: { title: '{{name}} 邀请您以{{relation}}身份加入志愿服务家庭「{{family}}」' },
      invitation_accepted: { title: '{{name}} 已加入您的志愿服务家庭「{{family}}」' },
      invitation_declined: { title: '{{name}} 谢绝了加入「{{family}}」的邀请' },
      member_removed: { title: '您已被移出志愿服务家庭「{{family}}」' },
    },
    hours: {
      certificate_revoked: { title: '志愿服务记录证明 {{number}} 已撤销', body: '原因：{{reason}}' },
      certificate_refused: { title: '志愿服务记录证明申请未获出具', body: '原因：{{reason}}；可核对后重新申请' },
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
    academy: {
      qualification_granted: { title: '恭喜通过「{{course}}」考核，已获得资质' },
      qualification_expiring: {
        title: '您的「{{name}}」资质将于 {{date}} 到期',
        body: '请及时参加复训并重新考核，到期后将不能承接需要该资质的服务。',
      },
      session_cancelled: { title: '您报名的「{{course}}」{{at}} 场次已取消', body: '{{reason}}' },
      qualification_verified: { title: '您的「{{name}}」资质已核验通过', body: '现在可以承接需要该资质的服务。' },
      qualification_rejected: { title: '您的「{{name}}」资质未通过核验', body: '{{reason}}' },
    },
    wish: {
      placed: { title: '新的微心愿待审核', body: '{{title}}（{{number}}）' },
      approved: { title: '您的微心愿已通过审核，等待爱心人士认领', body: '{{title}}（{{number}}）' },
      rejected: { title: '您的微心愿未通过审核', body: '{{title}}：{{reason}}' },
      claimed: { title: '您的微心愿已被认领', title_staff: '微心愿已被认领', body: '{{title}}（{{number}}）' },
      released: {
        title: '认领人放弃了您的微心愿，正在等待新的认领',
        title_staff: '微心愿被放弃认领，已重新上墙',
        title_giver: '您所在组织认领的微心愿已放弃认领，已重新上墙',
        body: '{{title}}（{{number}}）',
      },
      delivered: { title: '您的微心愿已送达', title_staff: '微心愿已送达，请确认', body: '{{title}}（{{number}}）' },
      confirmed: {
        title: '社区已确认您的微心愿送达，可以向爱心人士致谢',
        title_giver: '社区已确认您送达的微心愿，感谢您的爱心',
        body: '{{title}}（{{number}}）',
      },
      thanked: { title: '心愿人向您致谢', body: '{{title}}：{{message}}' },
      withdrawn: { title: '居民撤回了微心愿', body: '{{title}}（{{number}}）' },
      expired: {
        title: '您的微心愿已过截止时间，未被认领',
        title_staff: '微心愿已过期',
        body: '{{title}}（{{number}}）',
      },
    },
  },
};
