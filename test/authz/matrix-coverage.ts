/**
 * Matrix rows for the 15-minute service circle (覆盖分析). Staff only; each staff member's report and
 * siting cover the communities of their scope (proved in src/server/modules/coverage/coverage.test.ts:
 * another community's keeper sees only their own community and gets 404 on a region outside it).
 */
import type { Row } from './matrix.js';
import { staffOnly } from './who.js';

export const coverageRows: Record<string, Row> = {
  'GET /api/v1/coverage/report': { request: () => ({ url: '/api/v1/coverage/report' }), who: staffOnly },
  'POST /api/v1/coverage/siting': {
    request: () => ({ url: '/api/v1/coverage/siting', payload: { n: 1 } }),
    who: staffOnly,
  },
  'GET /api/v1/coverage/settings': { request: () => ({ url: '/api/v1/coverage/settings' }), who: staffOnly },
  'PUT /api/v1/coverage/settings': {
    request: () => ({
      url: '/api/v1/coverage/settings',
      payload: { speedMPerMin: 80, minutes: 15, detourFactor: 1.3, resolution: 10 },
    }),
    who: {
      ...staffOnly,
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
    },
  },
  'POST /api/v1/coverage/population/imports': {
    // A dry run: each caller's file is checked against their own communities; nothing is stored.
    request: () => ({
      url: '/api/v1/coverage/population/imports',
      payload: { format: 'csv', content: 'lng,lat,population,community\n122.12,37.51,10,371002002005', dryRun: true },
    }),
    who: staffOnly,
  },
  'POST /api/v1/coverage/candidates/imports': {
    request: () => ({
      url: '/api/v1/coverage/candidates/imports',
      payload: { format: 'csv', content: 'lng,lat,name\n122.12,37.51,候选', dryRun: true },
    }),
    who: staffOnly,
  },
  'POST /api/v1/coverage/roads/imports': {
    request: () => ({
      url: '/api/v1/coverage/roads/imports',
      payload: {
        content: JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: [
                  [122.12, 37.51],
                  [122.13, 37.51],
                ],
              },
            },
          ],
        }),
        dryRun: true,
      },
    }),
    who: staffOnly,
  },
  // Each caller clears the network of their own area (none is stored in the matrix's database).
  'DELETE /api/v1/coverage/roads': { request: () => ({ url: '/api/v1/coverage/roads' }), who: staffOnly },
  'GET /api/v1/coverage/report.xlsx': { request: () => ({ url: '/api/v1/coverage/report.xlsx' }), who: staffOnly },
  'GET /api/v1/coverage/proposals': { request: () => ({ url: '/api/v1/coverage/proposals' }), who: staffOnly },
  'POST /api/v1/coverage/proposals': {
    request: () => ({ url: '/api/v1/coverage/proposals', payload: { n: 1, name: '规划批次' } }),
    who: staffOnly,
  },
};
