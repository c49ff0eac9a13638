/**
 * Reads the rows of one sheet of an uploaded .xlsx without letting the upload hurt the server: off
 * the main thread (a worker with its own small heap and a time limit), after checking how large the
 * zip really becomes once inflated, and streaming rows so that reading stops at the row limit. A
 * crafted workbook (a zip bomb, millions of shared strings or rows) is refused in well under a
 * second of the main thread's time, and the worker's memory is given back when it ends.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface SheetLimits {
  /** Read this sheet (by name); the first sheet when there is none of that name. */
  sheetName: string;
  /** Data rows (after the header) that are not empty. */
  maxRows: number;
  /** Columns read per row. */
  maxColumns?: number;
  /** The whole workbook once inflated, in bytes. */
  maxInflatedBytes?: number;
  maxEntries?: number;
  timeoutMs?: number;
  /** The worker's heap, in MB. */
  maxHeapMb?: number;
}

export interface SheetJob {
  file: Uint8Array;
  sheetName: string;
  maxRows: number;
  maxColumns: number;
  maxInflatedBytes: number;
  maxEntries: number;
}

export type SheetProblem = 'unreadable' | 'too-large' | 'too-many-rows' | 'no-sheet' | 'too-slow';
export type SheetResult = { ok: true; rows: { row: number; cells: string[] }[] } | { ok: false; problem: SheetProblem };

export class SheetRefusedError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(`spreadsheet refused: ${problem}`);
  }
}

/** Under tsx or vitest the worker is TypeScript: it is loaded through tsx's loader, which is there in development. */
function startWorker(workerData: SheetJob, maxHeapMb: number): Worker {
  const here = new URL(import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 16 };
  if (here.pathname.endsWith('.js'))
    return new Worker(new URL('./xlsx-worker.js', here), { workerData, resourceLimits });
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  const entry = new URL('./xlsx-worker.ts', here).href;
  const boot = `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

export async function readSheetRows(file: Buffer, limits: SheetLimits): Promise<SheetResult & { ok: true }> {
  const job: SheetJob = {
    file: new Uint8Array(file),
    sheetName: limits.sheetName,
    maxRows: limits.maxRows,
    maxColumns: limits.maxColumns ?? 50,
    maxInflatedBytes: limits.maxInflatedBytes ?? 32 * 1024 * 1024,
    maxEntries: limits.maxEntries ?? 200,
  };
  const worker = startWorker(job, limits.maxHeapMb ?? 192);
  const result = await new Promise<SheetResult>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, problem: 'too-slow' }), limits.timeoutMs ?? 30_000);
    const done = (r: SheetResult) => {
      clearTimeout(timer);
      resolve(r);
    };
    worker.once('message', (message: SheetResult) => done(message));
    // Out of its heap (ERR_WORKER_OUT_OF_MEMORY) or any other crash of the worker: the file is refused.
    worker.once('error', (err: { code?: string }) =>
      done({ ok: false, problem: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'unreadable' }),
    );
    worker.once('exit', () => done({ ok: false, problem: 'unreadable' }));
  });
  await worker.terminate();
  if (!result.ok) throw new SheetRefusedError(result.problem);
  return result;
}
