/** The kinds of volunteer organisation (服务队, 社会组织, 爱心商户, …), as stored and as the API names them. */
export const organisationKinds = [
  'team',
  'social_org',
  'caring_merchant',
  'bank_outlet',
  'school',
  'enterprise',
  'government',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
