/**
 * Reads candidate sites for siting (GeoJSON points or CSV lng,lat[,name]), checking each one: the
 * geometry, coordinate order, the district's bounds and the name. Pure, like the population parser.
 */
import { type Bounds, checkPosition, type FeatureProblem, type Problem } from './parse-population.js';
import type { LngLat } from './population.js';

export interface Candidate {
  lng: number;
  lat: number;
  name: string | null;
}

export interface ParsedCandidates {
  candidates: Candidate[];
  problems: FeatureProblem[];
  problemCount: number;
  fileProblem?: { message: string; messageEn: string };
}

const MAX_PROBLEMS = 200;
export const CANDIDATE_NAME_MAX = 60;

function checkName(value: unknown, field: string): Problem | string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return [field, '名称应为文字', 'The name is text'];
  const name = value.trim();
  if (name.length > CANDIDATE_NAME_MAX) {
    return [field, `名称最多 ${CANDIDATE_NAME_MAX} 个字`, `A name has at most ${CANDIDATE_NAME_MAX} characters`];
  }
  return name || null;
}

const isProblem = (x: unknown): x is Problem => Array.isArray(x) && typeof x[0] === 'string' && x.length === 3;

class Collector implements ParsedCandidates {
  readonly candidates: Candidate[] = [];
  readonly problems: FeatureProblem[] = [];
  problemCount = 0;
  /** Records the problems among `results`, or the candidate `ok` makes when there are none. */
  add(n: number, results: unknown[], ok: () => Candidate) {
    const problems = results.filter(isProblem);
    for (const [field, message, messageEn] of problems) {
      this.problemCount++;
      if (this.problems.length < MAX_PROBLEMS) this.problems.push({ feature: n, field, message, messageEn });
    }
    if (problems.length === 0) this.candidates.push(ok());
  }
}

const fileProblem = (message: string, messageEn: string): ParsedCandidates => ({
  candidates: [],
  problems: [],
  problemCount: 0,
  fileProblem: { message, messageEn },
});

export function parseCandidateGeoJson(content: string, bounds: Bounds, maxFeatures: number): ParsedCandidates {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return fileProblem('文件不是有效的 JSON', 'The file is not valid JSON');
  }
  const list = (doc as { features?: unknown })?.features;
  if ((doc as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(list)) {
    return fileProblem('应为 GeoJSON FeatureCollection', 'Expected a GeoJSON FeatureCollection');
  }
  if (list.length > maxFeatures) {
    return fileProblem(
      `要素过多：一次最多导入 ${maxFeatures} 个`,
      `Too many features: at most ${maxFeatures} per import`,
    );
  }
  const out = new Collector();
  list.forEach((raw, k) => {
    const f = raw as {
      type?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown } | null;
      properties?: unknown;
    };
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      out.add(k + 1, [['type', '应为 GeoJSON Feature', 'Expected a GeoJSON Feature']], () => ({
        lng: 0,
        lat: 0,
        name: null,
      }));
      return;
    }
    const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
    const position: Problem | LngLat =
      f.geometry?.type === 'Point'
        ? checkPosition(f.geometry.coordinates, bounds, 'geometry.coordinates')
        : ['geometry', '候选点位应为 Point 几何', 'A candidate site is a Point geometry'];
    const name = checkName(props.name ?? props.名称, 'properties.name');
    out.add(k + 1, [position, name], () => {
      const [lng, lat] = position as LngLat;
      return { lng, lat, name: name as string | null };
    });
  });
  return out;
}

const COLUMNS = {
  lng: ['lng', 'lon', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  name: ['name', '名称'],
} as const;

/** CSV of candidate points: longitude, latitude and an optional name (header in English or Chinese). */
export function parseCandidateCsv(content: string, bounds: Bounds, maxFeatures: number): ParsedCandidates {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const [lngCol, latCol, nameCol] = [col(COLUMNS.lng), col(COLUMNS.lat), col(COLUMNS.name)];
  if (lngCol < 0 || latCol < 0) {
    return fileProblem(
      '表头应有经度、纬度两列（lng,lat[,name] 或 经度,纬度[,名称]）',
      'The header needs longitude and latitude columns (lng,lat[,name])',
    );
  }
  const rows = lines
    .slice(1)
    .map((line, k) => ({ line, number: k + 2 }))
    .filter((r) => r.line.trim() !== '');
  if (rows.length > maxFeatures) {
    return fileProblem(
      `要素过多：一次最多导入 ${maxFeatures} 个`,
      `Too many features: at most ${maxFeatures} per import`,
    );
  }
  const out = new Collector();
  for (const { line, number } of rows) {
    const cells = line.split(',').map((c) => c.trim());
    const num = (i: number) => (cells[i] === undefined || cells[i] === '' ? Number.NaN : Number(cells[i]));
    const position = checkPosition([num(lngCol), num(latCol)], bounds, 'lng,lat');
    const name = checkName(nameCol < 0 ? undefined : cells[nameCol], 'name');
    out.add(number, [position, name], () => {
      const [lng, lat] = position as LngLat;
      return { lng, lat, name: name as string | null };
    });
  }
  return out;
}
