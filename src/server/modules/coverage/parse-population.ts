/**
 * Reads a population file (GeoJSON or CSV) into features, checking each one: geometry, coordinate
 * order, the district's bounds, the population and the community. Pure: the caller supplies the
 * communities it may write and the district's bounds.
 */
import type { LngLat, PolygonCoords, PopulationFeature, PopulationGeometry } from './population.js';

export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface FeatureProblem {
  /** GeoJSON: the feature's number from 1; CSV: the line number (the header is line 1). */
  feature: number;
  field: string;
  message: string;
  messageEn: string;
}

export interface ParseContext {
  bounds: Bounds;
  /** Community by code or name → its code; null: a name two communities share. */
  community: (codeOrName: string) => string | null | undefined;
  maxFeatures: number;
  maxPopulation: number;
}

export interface Parsed {
  features: PopulationFeature[];
  /** The first problems (at most 200). */
  problems: FeatureProblem[];
  problemCount?: number;
  /** A problem with the file as a whole (not JSON, no header, too many features). */
  fileProblem?: { message: string; messageEn: string };
}

const MAX_PROBLEMS = 200;
const MAX_VERTICES = 10_000;

export type Problem = [field: string, message: string, messageEn: string];

const inBounds = (b: Bounds, [lng, lat]: LngLat) =>
  lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat;

export function checkPosition(value: unknown, b: Bounds, field: string): Problem | LngLat {
  if (!Array.isArray(value) || value.length < 2 || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    return [field, '坐标应为[经度, 纬度]两个数字', 'A position is two numbers: [longitude, latitude]'];
  }
  const p: LngLat = [value[0] as number, value[1] as number];
  if (inBounds(b, p)) return p;
  if (inBounds(b, [p[1], p[0]])) {
    return [field, '坐标顺序颠倒：应为[经度, 纬度]', 'Coordinates are swapped: write [longitude, latitude]'];
  }
  return [field, `坐标 ${p[0]}, ${p[1]} 不在本区范围内`, `Position ${p[0]}, ${p[1]} is outside the district`];
}

function checkRing(value: unknown, b: Bounds, field: string): Problem | LngLat[] {
  if (!Array.isArray(value) || value.length < 4) {
    return [field, '多边形的环至少需要4个坐标（首尾相同）', 'A polygon ring needs at least 4 positions (first = last)'];
  }
  const ring: LngLat[] = [];
  for (const [k, v] of value.entries()) {
    const p = checkPosition(v, b, `${field}[${k}]`);
    if (typeof p[0] === 'string') return p as Problem;
    ring.push(p as LngLat);
  }
  const first = ring[0] as LngLat;
  const last = ring.at(-1) as LngLat;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return [
      field,
      '多边形的环未闭合（首尾坐标应相同）',
      'The polygon ring is not closed (first and last positions differ)',
    ];
  }
  return ring;
}

function checkPolygon(value: unknown, b: Bounds, field: string): Problem | PolygonCoords {
  if (!Array.isArray(value) || value.length === 0) {
    return [field, '多边形至少需要一个环', 'A polygon needs at least one ring'];
  }
  const rings: PolygonCoords = [];
  for (const [k, v] of value.entries()) {
    const ring = checkRing(v, b, `${field}[${k}]`);
    if (typeof ring[0] === 'string') return ring as Problem;
    rings.push(ring as LngLat[]);
  }
  return rings;
}

function checkGeometry(value: unknown, b: Bounds): Problem | PopulationGeometry {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return ['geometry', '缺少几何图形', 'The geometry is missing'];
  if (g.type === 'Point') {
    const p = checkPosition(g.coordinates, b, 'geometry.coordinates');
    return typeof p[0] === 'string' ? (p as Problem) : { type: 'Point', coordinates: p as LngLat };
  }
  if (g.type === 'Polygon') {
    const p = checkPolygon(g.coordinates, b, 'geometry.coordinates');
    return typeof p[0] === 'string' ? (p as Problem) : { type: 'Polygon', coordinates: p as PolygonCoords };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      return ['geometry.coordinates', '多重多边形至少需要一个多边形', 'A multipolygon needs at least one polygon'];
    }
    const polygons: PolygonCoords[] = [];
    for (const [k, v] of g.coordinates.entries()) {
      const p = checkPolygon(v, b, `geometry.coordinates[${k}]`);
      if (typeof p[0] === 'string') return p as Problem;
      polygons.push(p as PolygonCoords);
    }
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  return [
    'geometry.type',
    '几何类型应为 Point、Polygon 或 MultiPolygon',
    'The geometry must be a Point, Polygon or MultiPolygon',
  ];
}

const vertexCount = (g: PopulationGeometry) =>
  g.type === 'Point' ? 1 : JSON.stringify(g.coordinates).split('],[').length;

function checkPopulation(value: unknown, max: number, field: string): Problem | number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    return [field, '人口应为不小于0的整数', 'The population must be a whole number, 0 or more'];
  }
  if (n > max) return [field, `人口不能超过 ${max}`, `The population cannot exceed ${max}`];
  return n;
}

function checkCommunity(value: unknown, ctx: ParseContext, field: string): Problem | string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  if (!text) return [field, '缺少所属社区（代码或名称）', 'The community (code or name) is missing'];
  const code = ctx.community(text);
  if (code === null)
    return [field, `社区名称“${text}”不唯一，请填写代码`, `The community name “${text}” is ambiguous; use its code`];
  if (!code) return [field, `“${text}”不是您管辖范围内的社区`, `“${text}” is not a community in your area`];
  return code;
}

class Collector {
  readonly problems: FeatureProblem[] = [];
  readonly features: PopulationFeature[] = [];
  problemCount = 0;
  add(feature: number, [field, message, messageEn]: Problem) {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ feature, field, message, messageEn });
  }
  /** Records the problems among `results`; true when there are none. */
  check(feature: number, results: unknown[]): boolean {
    const problems = results.filter(isProblem);
    for (const p of problems) this.add(feature, p);
    return problems.length === 0;
  }
}

const isProblem = (x: unknown): x is Problem => Array.isArray(x) && typeof x[0] === 'string' && x.length === 3;

function tooMany(ctx: ParseContext) {
  return {
    message: `要素过多：一次最多导入 ${ctx.maxFeatures} 个`,
    messageEn: `Too many features: at most ${ctx.maxFeatures} per import`,
  };
}

export function parseGeoJson(content: string, ctx: ParseContext): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return {
      features: [],
      problems: [],
      fileProblem: { message: '文件不是有效的 JSON', messageEn: 'The file is not valid JSON' },
    };
  }
  const list = (doc as { type?: unknown; features?: unknown })?.features;
  if ((doc as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(list)) {
    return {
      features: [],
      problems: [],
      fileProblem: { message: '应为 GeoJSON FeatureCollection', messageEn: 'Expected a GeoJSON FeatureCollection' },
    };
  }
  if (list.length > ctx.maxFeatures) return { features: [], problems: [], fileProblem: tooMany(ctx) };
  const out = new Collector();
  list.forEach((raw, k) => {
    const n = k + 1;
    const f = raw as { type?: unknown; geometry?: unknown; properties?: Record<string, unknown> | null };
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      out.add(n, ['type', '应为 GeoJSON Feature', 'Expected a GeoJSON Feature']);
      return;
    }
    const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
    const geometry = checkGeometry(f.geometry, ctx.bounds);
    const population = checkPopulation(props.population ?? props.人口, ctx.maxPopulation, 'properties.population');
    const community = checkCommunity(props.community ?? props.社区, ctx, 'properties.community');
    let ok = out.check(n, [geometry, population, community]);
    if (ok && vertexCount(geometry as PopulationGeometry) > MAX_VERTICES) {
      out.add(n, [
        'geometry',
        `多边形顶点过多（最多 ${MAX_VERTICES} 个）`,
        `Too many vertices (at most ${MAX_VERTICES})`,
      ]);
      ok = false;
    }
    if (ok) {
      out.features.push({
        geometry: geometry as PopulationGeometry,
        population: population as number,
        community: community as string,
      });
    }
  });
  return out;
}

const CSV_COLUMNS = {
  lng: ['lng', 'lon', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  population: ['population', '人口'],
  community: ['community', '社区'],
} as const;

/** CSV of points: longitude, latitude, population, community (header names in English or Chinese). */
export function parseCsv(content: string, ctx: ParseContext): Parsed {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(
    Object.entries(CSV_COLUMNS).map(([key, names]) => [
      key,
      header.findIndex((h) => (names as readonly string[]).includes(h)),
    ]),
  ) as Record<keyof typeof CSV_COLUMNS, number>;
  const missing = Object.entries(col)
    .filter(([, i]) => i < 0)
    .map(([k]) => k);
  if (missing.length > 0) {
    return {
      features: [],
      problems: [],
      fileProblem: {
        message: `表头缺少列：${missing.join('、')}（应为 lng,lat,population,community 或 经度,纬度,人口,社区）`,
        messageEn: `The header lacks: ${missing.join(', ')} (expected lng,lat,population,community)`,
      },
    };
  }
  const rows = lines
    .slice(1)
    .map((line, k) => ({ line, number: k + 2 }))
    .filter((r) => r.line.trim() !== '');
  if (rows.length > ctx.maxFeatures) return { features: [], problems: [], fileProblem: tooMany(ctx) };
  const out = new Collector();
  for (const { line, number } of rows) {
    const cells = line.split(',').map((c) => c.trim());
    const num = (i: number) => (cells[i] === undefined || cells[i] === '' ? Number.NaN : Number(cells[i]));
    const position = checkPosition([num(col.lng), num(col.lat)], ctx.bounds, 'lng,lat');
    const population = checkPopulation(cells[col.population], ctx.maxPopulation, 'population');
    const community = checkCommunity(cells[col.community], ctx, 'community');
    if (out.check(number, [position, population, community])) {
      out.features.push({
        geometry: { type: 'Point', coordinates: position as LngLat },
        population: population as number,
        community: community as string,
      });
    }
  }
  return out;
}
