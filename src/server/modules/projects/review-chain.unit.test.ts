import { expect, it } from 'vitest';
import { nextReviewer, reviewChain, stepLevel } from './review-chain.js';

it('climbs from the home region to the level of the call', () => {
  expect(reviewChain('371002002005', 'district')).toEqual(['371002002005', '371002002', '371002']);
  expect(reviewChain('371002002005', 'subdistrict')).toEqual(['371002002005', '371002002']);
  expect(reviewChain('371002002', 'district')).toEqual(['371002002', '371002']);
  expect(reviewChain('371002002', 'subdistrict')).toEqual(['371002002']);
  // A district organisation applying to a subdistrict-level call is reviewed by the district itself.
  expect(reviewChain('371002', 'subdistrict')).toEqual(['371002']);
});

it('names the next step, and none after the last', () => {
  const chain = reviewChain('371002002005', 'district');
  expect(nextReviewer(chain, '371002002005')).toBe('371002002');
  expect(nextReviewer(chain, '371002')).toBeNull();
  expect(nextReviewer(chain, '999')).toBeNull();
  expect(chain.map(stepLevel)).toEqual(['community', 'subdistrict', 'district']);
});
