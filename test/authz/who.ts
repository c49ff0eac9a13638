/**
 * The usual shapes of a matrix row's `who`, shared by matrix.ts and the per-capability matrix files.
 * A cell is an outcome, or a string that says where it is checked instead (e.g. the module test that
 * crosses scopes on one record).
 */
import type { Row } from './matrix.js';

type Cell = NonNullable<Row['who'][keyof Row['who']]>;

/** Every signed-in caller gets `cell`; anonymous callers are asked to sign in. */
export const signedInAs = (cell: Cell): Row['who'] => ({
  anonymous: 'signIn',
  resident: cell,
  volunteer: cell,
  keeper: cell,
  foreignKeeper: cell,
  institute: cell,
  foreignInstitute: cell,
  centre: cell,
});

/** Staff-only by role: refused to residents and volunteers; every staff member gets `cell`. */
export const staffAs = (cell: Cell): Row['who'] => ({ ...signedInAs(cell), resident: 'refused', volunteer: 'refused' });

/** Staff routes on one record of community A: its own staff get `own`, foreign staff are refused. */
export const scoped = (own: Cell = 'ok'): Row['who'] => ({
  ...staffAs(own),
  foreignKeeper: 'refused',
  foreignInstitute: 'refused',
});

/** Any signed-in caller gets an answer (reads of one's own things). */
export const signedIn = signedInAs('ok');
/** Any staff member gets an answer (filtered by scope). */
export const staffOnly = staffAs('ok');
