import { describe, expect, it } from 'vitest';
import { servicesOf } from './zones.js';

describe('what one can do at a site', () => {
  it('follows from the zones, plus registration and ordering at staffed practice sites', () => {
    expect(servicesOf('leifeng_post', ['book_drift', 'self_help']).map((s) => s.code)).toEqual([
      'volunteer_registration',
      'service_order',
      'borrow_books',
      'self_help',
    ]);
    expect(servicesOf('caring_merchant', ['points_store']).map((s) => s.code)).toEqual(['redeem_points']);
    expect(servicesOf('bank_outlet', [])).toEqual([]);
  });
});
