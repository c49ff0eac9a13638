// What other modules (and the app) may use from station services.
export { stationServicesRoutes } from './routes.js';
export { seedDemoStationServices } from './seed-demo-services.js';
