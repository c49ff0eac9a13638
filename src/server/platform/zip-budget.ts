/**
 * Checks an uploaded zip (an .xlsx is one) against a budget before anything parses it: at most
 * `maxEntries` entries, and at most `maxInflatedBytes` once every entry is inflated. The sizes a
 * zip declares can lie, so each entry is really inflated, with zlib's `maxOutputLength` set to
 * what is left of the budget: a zip bomb stops at the budget, never in memory exhaustion.
 * No parsing of the contents here; only the zip structure (central directory, local headers).
 */
import { inflateRawSync } from 'node:zlib';

export type ZipProblem = 'not-a-zip' | 'too-many-entries' | 'too-large' | 'unsupported';

export class ZipBudgetError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Returns the total inflated size; throws ZipBudgetError when the file is not a zip or is over budget. */
export function checkZipBudget(file: Buffer, budget: { maxEntries: number; maxInflatedBytes: number }): number {
  const eocd = findEndOfCentralDirectory(file);
  const entries = file.readUInt16LE(eocd + 10);
  const directorySize = file.readUInt32LE(eocd + 12);
  const directoryStart = file.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryStart === 0xffffffff) throw new ZipBudgetError('unsupported'); // zip64
  if (entries > budget.maxEntries) throw new ZipBudgetError('too-many-entries');
  if (directoryStart + directorySize > file.length) throw new ZipBudgetError('not-a-zip');

  let left = budget.maxInflatedBytes;
  let at = directoryStart;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) throw new ZipBudgetError('not-a-zip');
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const declaredSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;

    if (declaredSize > left) throw new ZipBudgetError('too-large');
    if (localOffset + 30 > file.length || file.readUInt32LE(localOffset) !== LOCAL)
      throw new ZipBudgetError('not-a-zip');
    const dataStart = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > file.length) throw new ZipBudgetError('not-a-zip');
    const data = file.subarray(dataStart, dataStart + compressedSize);
    let inflated: number;
    if (method === 0) inflated = data.length;
    else if (method === 8) inflated = inflateWithin(data, left);
    else throw new ZipBudgetError('unsupported');
    if (inflated > left) throw new ZipBudgetError('too-large');
    left -= inflated;
  }
  return budget.maxInflatedBytes - left;
}

function inflateWithin(data: Buffer, left: number): number {
  try {
    // One byte over the budget is enough to know it is over.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, left + 1) }).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipBudgetError('too-large');
    throw new ZipBudgetError('not-a-zip');
  }
}

function findEndOfCentralDirectory(file: Buffer): number {
  const lowest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= lowest; at--) if (file.readUInt32LE(at) === EOCD) return at;
  throw new ZipBudgetError('not-a-zip');
}
