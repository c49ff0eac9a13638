/** The enumerations of projects (项目化) that the server stores and the web offers, declared once. */
/** district: 区级; subdistrict: 街道/社区级 (reviewed up to the subdistrict). */
export const projectLevels = ['district', 'subdistrict'] as const;
export type ProjectLevel = (typeof projectLevels)[number];

export const projectCategories = [
  'elderly',
  'children',
  'environment',
  'culture',
  'community',
  'health',
  'disability',
  'emergency',
  'other',
] as const;

/** Fields of a submission a call may require besides the ones every project needs. */
export const optionalProjectFields = [
  'brand',
  'objectives',
  'beneficiaries',
  'regionsServed',
  'plan',
  'budget',
  'expectedOutputs',
] as const;
export type OptionalProjectField = (typeof optionalProjectFields)[number];
