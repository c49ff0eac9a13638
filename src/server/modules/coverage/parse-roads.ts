/**
 * Reads a road network (GeoJSON LineString / MultiLineString features), checking each feature: the
 * geometry, coordinate order, the district's bounds and the vertex count. Pure, like the other parsers.
 */
import { type Bounds, checkPosition, type FeatureProblem, type Problem } from './parse-population.js';
import type { LngLat } from './population.js';

export interface ParsedRoads {
  /** Every valid line (a MultiLineString gives one line per part). */
  lines: LngLat[][];
  problems: FeatureProblem[];
  problemCount: number;
  vertices: number;
  fileProblem?: { message: string; messageEn: string };
}

const MAX_PROBLEMS = 200;
/** Vertices one feature may have (a longer road is split into several features). */
export const MAX_FEATURE_VERTICES = 5_000;

function checkLine(value: unknown, b: Bounds, field: string): Problem | LngLat[] {
  if (!Array.isArray(value) || value.length < 2) {
    return [field, '线至少需要2个坐标', 'A line needs at least 2 positions'];
  }
  const line: LngLat[] = [];
  for (const [k, v] of value.entries()) {
    const p = checkPosition(v, b, `${field}[${k}]`);
    if (typeof p[0] === 'string') return p as Problem;
    line.push(p as LngLat);
  }
  return line;
}

function checkGeometry(value: unknown, b: Bounds): Problem | LngLat[][] {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  const field = 'geometry.coordinates';
  let lines: LngLat[][];
  if (g?.type === 'LineString') {
    const line = checkLine(g.coordinates, b, field);
    if (typeof line[0] === 'string') return line as Problem;
    lines = [line as LngLat[]];
  } else if (g?.type === 'MultiLineString') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      return [field, '多重线至少需要一条线', 'A multilinestring needs at least one line'];
    }
    lines = [];
    for (const [k, v] of g.coordinates.entries()) {
      const line = checkLine(v, b, `${field}[${k}]`);
      if (typeof line[0] === 'string') return line as Problem;
      lines.push(line as LngLat[]);
    }
  } else {
    return ['geometry', '道路应为 LineString 或 MultiLineString 几何', 'A road is a LineString or MultiLineString'];
  }
  const vertices = lines.reduce((n, l) => n + l.length, 0);
  if (vertices > MAX_FEATURE_VERTICES) {
    return [
      field,
      `顶点过多：一个要素最多 ${MAX_FEATURE_VERTICES} 个`,
      `Too many vertices: at most ${MAX_FEATURE_VERTICES} per feature`,
    ];
  }
  return lines;
}

const fileProblem = (message: string, messageEn: string): ParsedRoads => ({
  lines: [],
  problems: [],
  problemCount: 0,
  vertices: 0,
  fileProblem: { message, messageEn },
});

export function parseRoadGeoJson(
  content: string,
  bounds: Bounds,
  maxFeatures: number,
  maxVertices: number,
): ParsedRoads {
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
  const out: ParsedRoads = { lines: [], problems: [], problemCount: 0, vertices: 0 };
  list.forEach((raw, k) => {
    const f = raw as { type?: unknown; geometry?: unknown };
    const result: Problem | LngLat[][] =
      f && typeof f === 'object' && f.type === 'Feature'
        ? checkGeometry(f.geometry, bounds)
        : ['type', '应为 GeoJSON Feature', 'Expected a GeoJSON Feature'];
    if (typeof result[0] === 'string') {
      const [field, message, messageEn] = result as Problem;
      out.problemCount++;
      if (out.problems.length < MAX_PROBLEMS) out.problems.push({ feature: k + 1, field, message, messageEn });
      return;
    }
    for (const line of result as LngLat[][]) {
      out.lines.push(line);
      out.vertices += line.length;
    }
  });
  if (out.vertices > maxVertices) {
    return fileProblem(
      `顶点过多：一次最多导入 ${maxVertices} 个`,
      `Too many vertices: at most ${maxVertices} per import`,
    );
  }
  return out;
}
