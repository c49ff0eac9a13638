// Every table of the application, for drizzle-kit and for typed queries.

export * from '../modules/academy/schema.js';
export * from '../modules/accounts/lookup-schema.js';
export * from '../modules/accounts/schema.js';
export * from '../modules/activities/schema.js';
export * from '../modules/charity/schema.js';
export * from '../modules/families/schema.js';
export * from '../modules/hours/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/orders/schema.js';
export * from '../modules/organisations/members-schema.js';
export * from '../modules/organisations/schema.js';
export * from '../modules/points/schema.js';
export * from '../modules/projects/schema.js';
export * from '../modules/regions/schema.js';
export * from '../modules/service-menu/schema.js';
export * from '../modules/sites/schema.js';
export * from '../modules/station-services/schema.js';
export * from '../modules/store/schema.js';
export * from '../modules/volunteers/schema.js';
export * from '../modules/wishes/schema.js';
export * from '../platform/audit-schema.js';
export * from '../platform/files-schema.js';
export * from '../platform/idempotency-schema.js';
export * from '../platform/ledger-schema.js';
export * from '../platform/outbox/schema.js';
export * from '../platform/tenants-schema.js';
