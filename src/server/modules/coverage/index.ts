/** What other modules may use of the coverage module (the 15-minute service circle). */
export {
  type CellIndex,
  type CoverageResult,
  type CoverageSummary,
  cellsWithin,
  coverageFromReach,
  indexCells,
  type Post,
  straightCoverage,
  summarise,
} from './coverage.js';
export { cellsOutline } from './map-shapes.js';
export { aggregatePopulation, type PopulationCell, type PopulationFeature } from './population.js';
export { DEFAULT_REACH, type ReachSettings, straightReachMeters, walkMeters } from './reach.js';
export { buildRoadGraph, multiSourceDijkstra, type RoadGraph, roadAccess, roadReach } from './roads.js';
export { coverageRoutes } from './routes.js';
export { seedSyntheticPopulation } from './seed-population.js';
export {
  exactSiting,
  gainsInOrder,
  greedySiting,
  improveBySwaps,
  optimumUpperBound,
  type SitingProblem,
  siteNewPosts,
} from './siting.js';
export { type CommunityPoint, syntheticPopulation } from './synthetic-population.js';
