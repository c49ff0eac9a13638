// What other modules (and the app) may use from accounts. Other modules read `users` and
// `roleGrants` in their queries but change them only through the functions below.
export { actorCache } from './actor-cache.js';
export { shareActorInvalidations } from './actor-cache-sync.js';
export { keeperIds } from './keepers.js';
export { hashPassword } from './password.js';
export { countPhoneLookup } from './phone-lookups.js';
export { accountsRoutes } from './routes.js';
export { loginAttempts, roleGrants, users } from './schema.js';
export { signInWithCookie } from './session-cookie.js';
export { createSession, deleteExpiredSessions, resolveSession } from './sessions.js';
export { findUserByPhone, phoneInUse, userByPhone } from './user-by-phone.js';
export {
  createUser,
  createUsersWithoutPassword,
  grantRole,
  type NewUser,
  setUserDisplayName,
  setUserPhone,
  USERS_PHONE_INDEX,
} from './users.js';
