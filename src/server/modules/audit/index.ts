// The audit module's entrance: reading the audit log (writing it is platform/audit.ts).

export { listAudit } from './list-audit.js';
export { auditRoutes } from './routes.js';
