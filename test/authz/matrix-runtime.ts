/** Matrix rows for the platform's runtime routes: the live event stream, the outbox console and the demo phone. */
import type { Row } from './matrix.js';

const NO_MESSAGE = '00000000-0000-4000-8000-000000000000';
const STREAM = 'a stream that stays open: test/live.test.ts reads it over HTTP';

const centreOnly: Row['who'] = {
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: 'refused',
  foreignKeeper: 'refused',
  institute: 'refused',
  foreignInstitute: 'refused',
  centre: 'ok',
};

export const runtimeRows: Record<string, Row> = {
  'GET /api/v1/events': {
    request: () => ({ url: '/api/v1/events' }),
    who: {
      anonymous: 'signIn',
      resident: STREAM,
      volunteer: STREAM,
      keeper: STREAM,
      foreignKeeper: STREAM,
      institute: STREAM,
      foreignInstitute: STREAM,
      centre: STREAM,
    },
  },
  'GET /api/v1/outbox/messages': { request: () => ({ url: '/api/v1/outbox/messages' }), who: centreOnly },
  'POST /api/v1/outbox/messages/{id}/retry': {
    request: () => ({ url: `/api/v1/outbox/messages/${NO_MESSAGE}/retry` }),
    who: {
      ...centreOnly,
      centre: 'needs a dead message: src/server/platform/outbox/outbox.test.ts',
    },
  },
  // The demo phone is a district-wide demo feature (SMS_PROVIDER=demo only): every staff member reads it.
  'GET /api/v1/demo/sms': {
    request: () => ({ url: '/api/v1/demo/sms' }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'refused',
      keeper: 'ok',
      foreignKeeper: 'ok',
      institute: 'ok',
      foreignInstitute: 'ok',
      centre: 'ok',
    },
  },
};
