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
    settings: {
      title: '志愿者注册年龄',
      intro: '按《民法典》和《志愿服务条例》：未成年人注册须经监护人同意，年幼的儿童只能作为志愿服务家庭成员参加。',
      readOnly: '仅中心管理员可以修改注册年龄',
      adultAge: '成年年龄',
      adultAgeHint: '年满此年龄可单独注册，无需监护人同意（全国默认 18 周岁，可设 {{min}}–{{max}} 周岁）',
      minAgeOnOwn: '单独注册的最低年龄',
      minAgeOnOwnHint: '未满此年龄的儿童只能作为志愿服务家庭成员参加（全国默认 8 周岁，不低于 {{min}} 周岁）',
      preview:
        '{{adultAge}} 周岁及以上：本人注册；{{minAgeOnOwn}}–{{below}} 周岁：须监护人同意；未满 {{minAgeOnOwn}} 周岁：随志愿服务家庭参加。已注册的志愿者不受影响。',
      tooHigh: '不能高于成年年龄',
      save: '保存',
      saved: '已保存，下一次注册或导入起生效',
      years: '周岁',
    },
  },
};
