import { describe, expect, it } from 'vitest';
import { manyRows, sharedStringsBomb, zipBomb, zipOf } from '../../../test/xlsx-bombs.js';
import { checkZipBudget, ZipBudgetError } from './zip-budget.js';

const budget = { maxEntries: 50, maxInflatedBytes: 8 * 1024 * 1024 };
const problem = (file: Buffer, b = budget) => {
  try {
    checkZipBudget(file, b);
    return null;
  } catch (err) {
    if (err instanceof ZipBudgetError) return err.problem;
    throw err;
  }
};

describe('checkZipBudget', () => {
  it('measures an honest workbook by inflating it', () => {
    const file = manyRows(100);
    expect(checkZipBudget(file, budget)).toBeGreaterThan(file.length);
  });

  it('stops a zip bomb at the budget, whatever size it declares', () => {
    const bomb = zipBomb(64);
    expect(bomb.length).toBeLessThan(200_000);
    expect(problem(bomb)).toBe('too-large');
    // The same bomb declaring a tiny size is inflated for real and stopped all the same.
    const lying = Buffer.from(bomb);
    const directory = lying.readUInt32LE(lying.length - 6);
    for (let at = directory; at < lying.length - 22; ) {
      lying.writeUInt32LE(10, at + 24);
      at += 46 + lying.readUInt16LE(at + 28) + lying.readUInt16LE(at + 30) + lying.readUInt16LE(at + 32);
    }
    expect(problem(lying)).toBe('too-large');
    expect(problem(sharedStringsBomb(1_000_000))).toBe('too-large');
  });

  it('refuses too many entries and what is not a zip', () => {
    const many = zipOf(Array.from({ length: 60 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('<a/>') })));
    expect(problem(many)).toBe('too-many-entries');
    expect(problem(Buffer.from('PK\u0003\u0004 not really'))).toBe('not-a-zip');
    expect(problem(Buffer.alloc(0))).toBe('not-a-zip');
  });
});
