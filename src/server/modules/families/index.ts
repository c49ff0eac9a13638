// What other modules may use from families.
export { type FamilyUnit, getFamilyOf } from './get-family-of.js';
export { familiesRoutes } from './routes.js';
export { type FamilyRelation, families, familyMembers, familyRelations } from './schema.js';
