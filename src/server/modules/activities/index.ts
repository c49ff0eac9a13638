// What other modules (and the app) may use from activities.

// The screen's rotating QR token (bench/checkins.ts plays the screen with it).
export { signToken } from './checkin-code.js';
export { checkinKeyFor } from './checkin-key.js';
export { closeForgottenCheckouts } from './close-forgotten-checkouts.js';
export { expandOccurrences } from './recurrence.js';
export { activitiesRoutes } from './routes.js';
export { activities, activityAttendance, activitySessions, activitySignups } from './schema.js';
export { extendSessions, HORIZON_DAYS } from './sessions.js';
