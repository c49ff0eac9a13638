// What other modules (and the app) may use from activities.

export { closeForgottenCheckouts } from './close-forgotten-checkouts.js';
export { expandOccurrences } from './recurrence.js';
export { activitiesRoutes } from './routes.js';
export { activities, activityAttendance, activitySessions, activitySignups } from './schema.js';
export { extendSessions, HORIZON_DAYS } from './sessions.js';
