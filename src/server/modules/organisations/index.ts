// What other modules may use from organisations.
export { organisationAccess } from './access.js';
export { assertMayJoin } from './assert-may-join.js';
export { listOrganisations } from './list-organisations.js';
export { maskName } from './mask-name.js';
export { type MemberRole, memberRoles, organisationMembers } from './members-schema.js';
export { organisationsRoutes } from './routes.js';
export { type OrganisationKind, organisationKinds, organisations } from './schema.js';
