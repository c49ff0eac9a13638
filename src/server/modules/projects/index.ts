// What other modules (and the app) may use from projects.
export { rankProjects } from './evaluation-ranking.js';
export {
  evaluationAssignments,
  evaluationAwards,
  evaluationCriteria,
  evaluationRounds,
  evaluationScores,
} from './evaluation-schema.js';
export { computeResultsEach } from './results.js';
export { reviewChain } from './review-chain.js';
export { projectsRoutes } from './routes.js';
export {
  brandSeries,
  brands,
  type ProjectLevel,
  type ProjectState,
  projectActivities,
  projectCalls,
  projectCategories,
  projectMenuItems,
  projectReviews,
  projects,
} from './schema.js';
