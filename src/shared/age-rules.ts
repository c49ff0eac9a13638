/**
 * Who may register as a volunteer on their own, by age, one rule for server and web. Pure.
 *
 * Defaults follow national rules: the Civil Code (民法典 arts. 17–20) makes a person under 18 a
 * minor, who acts with a guardian's consent, and a child under 8 a person without capacity for
 * civil acts; 《志愿服务条例》 art. 16 asks that minors' service suit their age and have their
 * guardian's consent. So: 18 and older register alone; 8 to 17 need a guardian's recorded consent
 * (name, phone, relation); under 8 only take part as members of a volunteer family (志愿服务家庭),
 * with the family's adults. Each tenant may change both ages (table volunteer_settings).
 * Ages are counted from the full birth date, on today's date in the tenant's time zone.
 */
export interface AgeRules {
  /** From this age a person registers without a guardian. */
  adultAge: number;
  /** Below this age a child joins only as a member of a volunteer family. */
  minAgeOnOwn: number;
}

export const DEFAULT_AGE_RULES: AgeRules = { adultAge: 18, minAgeOnOwn: 8 };

/**
 * What a tenant may set: the age of majority between 16 (民法典 art. 18: a 16-year-old living on
 * their own work counts as an adult) and 18; the youngest who may register alone at least 8 (below
 * it a child has no capacity for civil acts) and at most the age of majority.
 */
export const AGE_RULE_BOUNDS = {
  adultAge: { min: 16, max: 18 },
  minAgeOnOwn: { min: 8, max: 18 },
} as const;

export type AgeClass = 'adult' | 'minor' | 'child';

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Full years between the birth date and `on` (both YYYY-MM-DD); a birthday on 29 February counts from 1 March. */
export function fullYears(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageClass(birthDate: string, today: string, rules: AgeRules): AgeClass {
  const age = fullYears(birthDate, today);
  if (age >= rules.adultAge) return 'adult';
  return age >= rules.minAgeOnOwn ? 'minor' : 'child';
}

export const guardianRelations = ['father', 'mother', 'grandparent', 'other'] as const;
export type GuardianRelation = (typeof guardianRelations)[number];

export const ageMessages = {
  child: (rules: AgeRules) =>
    [
      `未满${rules.minAgeOnOwn}周岁的儿童不能单独注册，请由家长以志愿服务家庭成员的身份一同参加`,
      `Children under ${rules.minAgeOnOwn} cannot register on their own; they take part as members of a volunteer family with their parents`,
    ] as const,
  guardian: (rules: AgeRules) =>
    [
      `未满${rules.adultAge}周岁须经监护人同意：请填写监护人姓名、手机号和与本人关系`,
      `Under ${rules.adultAge} a guardian must consent: enter the guardian's name, phone and relation`,
    ] as const,
  importedMinor: (rules: AgeRules) =>
    [
      `未满${rules.adultAge}周岁须经监护人同意，表格导入无法记录：请在服务站现场登记并填写监护人信息`,
      `Under ${rules.adultAge} a guardian must consent, which an imported sheet cannot record: register them at the desk with the guardian's details`,
    ] as const,
};
