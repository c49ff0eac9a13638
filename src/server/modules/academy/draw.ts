/** Draws a paper: `n` distinct items of the bank in random order (Fisher–Yates on a copy). */
export function drawPaper<T>(bank: readonly T[], n: number, random: (bound: number) => number): T[] {
  const pool = [...bank];
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, take);
}

/** Score in percent (rounded down) of the answers that match. */
export function scorePaper(
  paper: readonly { id: string; answer: number }[],
  answers: readonly { questionId: string; choice: number }[],
): number {
  if (!paper.length) return 0;
  const given = new Map(answers.map((a) => [a.questionId, a.choice]));
  const right = paper.filter((q) => given.get(q.id) === q.answer).length;
  return Math.floor((right * 100) / paper.length);
}
