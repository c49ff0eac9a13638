/**
 * Star levels (星级志愿者) from cumulative confirmed service time (pure). The thresholds are hours
 * for 1…5 stars (a tenant sets its own; the default 100/300/600/1000/1500 h follows common practice
 * of 志愿服务记录与证明出具办法 era star-rating rules). Minutes are what the ledger holds.
 */

export interface StarLevel {
  /** 0 (none yet) to the number of thresholds. */
  level: number;
  totalMinutes: number;
  /** Hours needed for the next star, null at the top. */
  nextThresholdHours: number | null;
  /** Minutes still to serve for the next star (0 at the top). */
  minutesToNext: number;
  /** 0–1: how far from the current star's threshold to the next one. */
  progress: number;
}

export function validThresholds(hours: number[]): boolean {
  return (
    hours.length >= 1 &&
    hours.length <= 10 &&
    hours.every((h, i) => Number.isInteger(h) && h > 0 && (i === 0 || h > (hours[i - 1] as number)))
  );
}

export function starLevel(totalMinutes: number, thresholdsHours: number[]): StarLevel {
  const total = Math.max(0, Math.floor(totalMinutes));
  const thresholds = thresholdsHours.map((h) => h * 60);
  let level = 0;
  while (level < thresholds.length && total >= (thresholds[level] as number)) level += 1;
  const next = thresholds[level];
  if (next === undefined) {
    return { level, totalMinutes: total, nextThresholdHours: null, minutesToNext: 0, progress: 1 };
  }
  const floor = level === 0 ? 0 : (thresholds[level - 1] as number);
  return {
    level,
    totalMinutes: total,
    nextThresholdHours: next / 60,
    minutesToNext: next - total,
    progress: (total - floor) / (next - floor),
  };
}
