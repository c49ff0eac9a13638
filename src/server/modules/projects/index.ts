// What other modules (and the app) may use from projects.
export { reviewChain } from './review-chain.js';
export { projectsRoutes } from './routes.js';
export {
  brandSeries,
  brands,
  type ProjectLevel,
  type ProjectState,
  projectCalls,
  projectCategories,
  projectReviews,
  projects,
} from './schema.js';
