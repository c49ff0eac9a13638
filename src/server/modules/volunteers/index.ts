// What other modules (and the app) may use from volunteers.
export { CURRENT_CONSENT_VERSION } from './contract.js';
export { insertVolunteer, sealIdNumber } from './create-volunteer.js';
export { volunteersRoutes } from './routes.js';
export {
  phoneChangeRequests,
  skills,
  type VolunteerStatus,
  volunteerAvailability,
  volunteerServiceAreas,
  volunteerSkills,
  volunteers,
} from './schema.js';
export { setSkillQualification } from './skill-qualification.js';
export { seedSkillTaxonomy } from './skill-taxonomy.js';
export { allocateVolunteerNumbers } from './volunteer-number.js';
