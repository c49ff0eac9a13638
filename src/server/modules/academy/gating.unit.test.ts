import { describe, expect, it } from 'vitest';
import { servedSkills } from './gating.js';

describe('servedSkills', () => {
  const facts = { gated: new Set(['first_aid']), valid: new Map([['u1', ['first_aid', 'psychology']]]) };
  it('drops declared qualifications and adds the valid ones', () => {
    expect(servedSkills(facts, 'u2', ['first_aid', 'elderly_disabled']).sort()).toEqual(['elderly_disabled']);
    expect(servedSkills(facts, 'u1', ['elderly_disabled']).sort()).toEqual([
      'elderly_disabled',
      'first_aid',
      'psychology',
    ]);
  });
});
