/**
 * A reason the server cannot start that the operator can fix (a setting, a busy data folder, an
 * unreachable database). `npm start` prints its message as one line and exits 1, with no stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
