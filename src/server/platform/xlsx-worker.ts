/**
 * The worker thread behind `readSheetRows` (xlsx-rows.ts): checks the zip budget, then streams one
 * sheet's rows with ExcelJS's streaming reader and stops as soon as there are too many. Posts one
 * message: `{ ok: true, rows }` or `{ ok: false, problem }`.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { SheetJob, SheetResult } from './xlsx-rows.js';
import { checkZipBudget, ZipBudgetError } from './zip-budget.js';

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // An ID number typed into a number cell has lost its last digits already; keep what Excel shows.
    return Number.isSafeInteger(v) ? String(v) : cell.text;
  }
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return cell.text.trim();
}

interface ReaderModel {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The worksheet number (sheetN.xml) of the sheet with this name, when the workbook says so. */
function sheetNumberOf(reader: ReaderModel, name: string): string | null {
  const sheet = reader.model?.sheets?.find((s) => s.name === name);
  const target = sheet && reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
  return target?.match(/sheet(\d+)\.xml$/)?.[1] ?? null;
}

async function read(job: SheetJob): Promise<SheetResult> {
  const file = Buffer.from(job.file);
  try {
    checkZipBudget(file, { maxEntries: job.maxEntries, maxInflatedBytes: job.maxInflatedBytes });
  } catch (err) {
    if (err instanceof ZipBudgetError)
      return {
        ok: false,
        problem: err.problem === 'too-large' || err.problem === 'too-many-entries' ? 'too-large' : 'unreadable',
      };
    throw err;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let fallback: { row: number; cells: string[] }[] | null = null;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as { id: string } & AsyncIterable<ExcelJS.Row>;
    const wanted = sheetNumberOf(reader as unknown as ReaderModel, job.sheetName);
    const rows: { row: number; cells: string[] }[] = [];
    let filled = 0;
    for await (const row of ws) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= job.maxColumns) cells[col - 1] = cellText(cell);
      });
      const texts = Array.from(cells, (c) => c ?? '');
      if (row.number > 1 && texts.some((c) => c !== '')) filled += 1;
      if (filled > job.maxRows + 1) return { ok: false, problem: 'too-many-rows' };
      rows.push({ row: row.number, cells: texts });
    }
    if (wanted === null || wanted === ws.id) return { ok: true, rows };
    fallback ??= rows;
  }
  return fallback ? { ok: true, rows: fallback } : { ok: false, problem: 'no-sheet' };
}

read(workerData as SheetJob).then(
  (result) => parentPort?.postMessage(result),
  () => parentPort?.postMessage({ ok: false, problem: 'unreadable' } satisfies SheetResult),
);
