/**
 * Service hours (服务时长), star levels and certificates. What other modules may use:
 *
 * - `serviceMinutes({ checkIn, checkOut, windowStart, windowEnd, rounding })`: pure; the minutes of
 *   one attendance inside the activity window (commuting excluded), rounded by the tenant's rule
 *   (`hoursSettingsFor(db, tenantId).rounding`).
 * - `recordService(tx, { tenantId, volunteerUserId, source: { type, id }, regionCode,
 *   organisationId, content, minutes, startedAt, endedAt, recordedBy })`: a pending service
 *   record, once per source (a retried check-out or completion returns the first one). Call it in
 *   the transaction of the check-out / completion.
 *
 * Hook for points (issue 11): every confirmation and every reversal of confirmed minutes writes a
 * row in `hours_events` (kind `hours.confirmed` / `hours.reversed`, signed minutes, the service
 * record, the volunteer and the ledger transaction) in the same transaction as the ledger entry.
 * Consume them in id order per tenant and key your own postings `…:hours_event:<id>`.
 */
export { openRecordedAccount, volunteerAccountKey } from './ledger-accounts.js';
export { type RecordServiceInput, recordService, type ServiceRecordRow } from './record-service.js';
export { hoursRoutes } from './routes.js';
export {
  type HoursEventKind,
  hoursEvents,
  type ServiceRecordStatus,
  type ServiceSourceType,
  serviceRecords,
  serviceSourceTypes,
} from './schema.js';
export {
  type AttendanceSpan,
  defaultRounding,
  MAX_RECORD_MINUTES,
  type RoundingMode,
  type RoundingRule,
  serviceMinutes,
} from './service-minutes.js';
export { DEFAULT_STAR_THRESHOLDS_HOURS, type HoursSettings, hoursSettingsFor } from './settings.js';
export { starLevel } from './star-level.js';
