/** Volunteer record forms: staff correction, guardian consent of minors, the profile editor (Simplified Chinese). Spread into `zh-CN.ts`. */
export const volunteersZhCN = {
  volunteerForms: {
    guardian: {
      title: '监护人同意',
      minorHint: '未满{{adultAge}}周岁，须经监护人同意：请填写监护人信息',
      childHint: '未满{{minAgeOnOwn}}周岁的儿童不能单独注册，请由家长以志愿服务家庭成员的身份一同参加',
      name: '监护人姓名',
      phone: '监护人手机号',
      relation: '与本人关系',
      relations: { father: '父亲', mother: '母亲', grandparent: '祖父母/外祖父母', other: '其他监护人' },
    },
    profile: {
      areasHint: '选择您愿意服务的街道或社区',
      otherSlots: '其他已保存时段',
    },
    correction: {
      action: '更正信息',
      title: '更正志愿者信息',
      intro: '请核对本人身份证件后更正。只提交改动的项目，所有更正连同原因记入审计日志。',
      idNumber: '身份证号（不更正请留空）',
      reason: '更正原因',
      reasonPlaceholder: '例如：登记时姓名录错，已核对本人身份证',
      reasonRequired: '请填写更正原因',
      submit: '确认更正',
      done: '已更正',
    },
  },
};
