/**
 * State machines as data. A module declares its states, its events (which states each leaves
 * from, where it goes, who may take it, what it writes) once with `defineMachine`; the use cases
 * call `apply` (or `transitionRow` for the conditional UPDATE) and the presenters send `can` to
 * the web, so the buttons a person sees and the rules the server enforces cannot drift apart.
 * Pure: no I/O.
 */
import { type Actor, type Grant, hasRole } from './access.js';
import { AppError } from './errors.js';

type Role = Grant['role'];

export interface Label {
  zh: string;
  en: string;
}

export interface TransitionContext<R> {
  record: R;
  actor: Actor;
  now: Date;
}

export interface EventDef<S extends string, R> {
  label: Label;
  /** The states this event may be taken from. */
  from: readonly S[];
  to: S;
  /** Only actors holding one of these roles (anywhere) may take it. Omitted: any signed-in actor. */
  roles?: readonly Role[];
  /** Further conditions on the actor and the record, e.g. "the orderer themself" or "in the keeper's region". */
  when?: (record: R, actor: Actor) => boolean;
  /** Columns the transition writes besides the state, e.g. `({ now }) => ({ acceptedAt: now })`. */
  writes?: (context: TransitionContext<R>) => Partial<R>;
}

export interface MachineDef<S extends string, E extends string, R> {
  /** What the machine is about, for messages: `{ zh: '订单', en: 'order' }`. */
  subject: Label;
  states: Record<S, Label>;
  events: Record<E, EventDef<S, R>>;
  /** Reads the state from a record; default `record.state`. */
  stateOf?: (record: R) => S;
}

export interface Machine<S extends string, E extends string, R> extends MachineDef<S, E, R> {
  stateOf: (record: R) => S;
  eventNames: readonly E[];
  stateNames: readonly S[];
}

/** The outcome of a legal transition: what to write. `set` always holds the new `state`. */
export interface Step<S extends string, E extends string, R> {
  event: E;
  from: S;
  to: S;
  set: Partial<R> & { state: S };
}

export function defineMachine<S extends string, E extends string, R>(def: MachineDef<S, E, R>): Machine<S, E, R> {
  const stateNames = Object.keys(def.states) as S[];
  const eventNames = Object.keys(def.events) as E[];
  for (const name of eventNames) {
    const event = def.events[name];
    for (const s of [...event.from, event.to]) {
      if (!(s in def.states))
        throw new Error(`State machine ${def.subject.en}: event ${name} names unknown state ${s}`);
    }
  }
  return {
    ...def,
    stateNames,
    eventNames,
    stateOf: def.stateOf ?? ((record: R) => (record as { state: S }).state),
  };
}

/** One row of a transition table: `[event, zh, en, from (one state or several), to, guard and writes?]`. */
export type TransitionRow<S extends string, E extends string, R> = readonly [
  event: E,
  zh: string,
  en: string,
  from: S | readonly S[],
  to: S,
  rest?: Pick<EventDef<S, R>, 'roles' | 'when' | 'writes'>,
];

export interface MachineTable<S extends string, E extends string, R> {
  subject: Label;
  /** `[state, zh, en]`, one row a state. */
  states: readonly (readonly [state: S, zh: string, en: string])[];
  events: readonly TransitionRow<S, E, R>[];
  /** The roles of every event that does not name its own. */
  roles?: readonly Role[];
  stateOf?: (record: R) => S;
}

/** `defineMachine` from a list of states and a transition table, one row an event. */
export function machineFromTable<S extends string, E extends string, R>(
  table: MachineTable<S, E, R>,
): Machine<S, E, R> {
  const states = Object.fromEntries(table.states.map(([state, zh, en]) => [state, { zh, en }])) as Record<S, Label>;
  const events = {} as Record<E, EventDef<S, R>>;
  for (const [name, zh, en, from, to, rest] of table.events) {
    if (name in events) throw new Error(`State machine ${table.subject.en}: event ${name} declared twice`);
    const roles = rest?.roles ?? table.roles;
    events[name] = {
      label: { zh, en },
      from: typeof from === 'string' ? [from as S] : (from as readonly S[]),
      to,
      ...(roles ? { roles } : {}),
      ...(rest?.when ? { when: rest.when } : {}),
      ...(rest?.writes ? { writes: rest.writes } : {}),
    };
  }
  return defineMachine({
    subject: table.subject,
    states,
    events,
    ...(table.stateOf ? { stateOf: table.stateOf } : {}),
  });
}

/** The event's state rule alone: may it be taken from this state at all? */
export function leaves<S extends string, E extends string, R>(machine: Machine<S, E, R>, state: S, event: E): boolean {
  return machine.events[event]?.from.includes(state) ?? false;
}

function permits<S extends string, R>(event: EventDef<S, R>, record: R, actor: Actor): boolean {
  if (event.roles && !hasRole(actor, event.roles)) return false;
  return event.when ? event.when(record, actor) : true;
}

/**
 * Takes `event` on `record` as `actor`: the state to move to and the columns to write.
 * An event the current state does not allow is `409 ILLEGAL_TRANSITION` naming both; an actor
 * the event's guard refuses is `403 FORBIDDEN` naming the event. Nothing is written here.
 */
export function apply<S extends string, E extends string, R>(
  machine: Machine<S, E, R>,
  record: R,
  event: E,
  actor: Actor,
  now: Date = new Date(),
): Step<S, E, R> {
  const from = machine.stateOf(record);
  const def = machine.events[event];
  if (!def?.from.includes(from)) throw illegalTransition(machine, from, event);
  if (!permits(def, record, actor)) {
    const label = def.label;
    throw new AppError('FORBIDDEN', undefined, {
      message: `您无权对该${machine.subject.zh}执行「${label.zh}」`,
      messageEn: `You may not "${label.en}" this ${machine.subject.en}`,
    });
  }
  const writes = def.writes?.({ record, actor, now }) ?? {};
  const set = { ...writes, state: def.to } as Partial<R> & { state: S };
  return { event, from, to: def.to, set };
}

/** Which events the actor may take on the record now: `{ accept: true, cancel: false, … }`, for the buttons. */
export function can<S extends string, E extends string, R>(
  machine: Machine<S, E, R>,
  record: R,
  actor: Actor | null,
): Record<E, boolean> {
  const state = machine.stateOf(record);
  const out = {} as Record<E, boolean>;
  for (const name of machine.eventNames) {
    const def = machine.events[name];
    out[name] = actor !== null && def.from.includes(state) && permits(def, record, actor);
  }
  return out;
}

export function illegalTransition<S extends string, E extends string, R>(
  machine: Machine<S, E, R>,
  state: S,
  event: E,
): AppError {
  const stateLabel = machine.states[state] ?? { zh: state, en: state };
  const eventLabel = machine.events[event]?.label ?? { zh: event, en: event };
  return new AppError('ILLEGAL_TRANSITION', [{ field: 'state', message: stateLabel.zh, messageEn: stateLabel.en }], {
    message: `该${machine.subject.zh}当前为「${stateLabel.zh}」，不能「${eventLabel.zh}」`,
    messageEn: `This ${machine.subject.en} is ${stateLabel.en}: "${eventLabel.en}" is not possible now`,
  });
}
