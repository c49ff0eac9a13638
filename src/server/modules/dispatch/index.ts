// The dispatch engine: pure functions, no database. Callers load volunteers and orders and pass them in.
export { DEFAULT_TIME_ZONE } from './availability.js';
export {
  type BatchAssignment,
  type BatchOptions,
  type BatchProblem,
  type BatchResult,
  batchAssign,
  buildBatchProblem,
} from './batch-assign.js';
export { checkConstraints, type Violation } from './constraints.js';
export { COST_SCALE, DEFAULT_WALK_FACTOR, resolveWeights } from './cost.js';
export { defaultPenalty, solveTransport, type TransportProblem, type TransportSolution } from './min-cost-flow.js';
export { formatReasons, type ReasonLocale, type SkillNamer } from './reasons.js';
export { buildDispatchIndex, type DispatchIndex } from './search-index.js';
export { type CandidateOptions, topCandidates } from './top-candidates.js';
export { solveTransportWithHighs } from './transport-lp.js';
export {
  type CostBreakdown,
  DEFAULT_WEIGHTS,
  type DispatchCandidate,
  type DispatchOrder,
  type DispatchSettings,
  type DispatchVolunteer,
  type DispatchWeights,
  type ReasonPart,
  type WeeklySlot,
} from './types.js';
