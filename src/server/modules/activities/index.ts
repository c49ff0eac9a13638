// What other modules (and the app) may use from activities.

// The rotating screen code and the geofence, reused by the academy's training-session check-in
// (and played by bench/checkins.ts, which makes the screen's token as each scan is sent).
export { CODE_ATTEMPTS, wrongCodeError } from './attendance.js';
export {
  CODE_TTL_SECONDS,
  matchShortCode,
  STEP_SECONDS,
  shortCode,
  shortCodeExpiry,
  signToken,
  verifyToken,
} from './checkin-code.js';
export { checkinKeyFor } from './checkin-key.js';
export { closeForgottenCheckouts } from './close-forgotten-checkouts.js';
export { describeDistance, judgePosition, MAX_ACCURACY_M } from './geofence.js';
export { expandOccurrences } from './recurrence.js';
export { activitiesRoutes } from './routes.js';
export { activities, activityAttendance, activitySessions, activitySignups } from './schema.js';
export { extendSessions, HORIZON_DAYS } from './sessions.js';
