// The audit module's entrance: reading the audit log (writing it is platform/audit.ts).
export { auditRoutes } from './routes.js';
