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
};
