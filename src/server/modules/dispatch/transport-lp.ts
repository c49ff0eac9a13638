import type { Highs } from 'highs';
import { defaultPenalty, type TransportProblem, type TransportSolution } from './min-cost-flow.js';

/**
 * The reference solve: the transportation problem as a linear program, solved by HiGHS (the caller loads the
 * `highs` package; tests and the benchmark use it to check solveTransport). Its matrix is totally unimodular, so
 * the simplex optimum is integral.
 *
 *   minimise Σ cost_a x_a + penalty Σ u_i
 *   order i:      Σ_{a of i} x_a + u_i = 1
 *   volunteer v:  Σ_{a to v} x_a ≤ capacity_v
 *   0 ≤ x, u ≤ 1
 */
export function solveTransportWithHighs(highs: Highs, p: TransportProblem): TransportSolution {
  const n = p.arcStart.length - 1;
  const m = p.capacity.length;
  const arcs = p.arcVolunteer.length;
  const penalty = p.unassignedPenalty ?? defaultPenalty(p);
  const numCols = arcs + n;
  const colCost = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(2 * arcs + n);
  const values = new Float64Array(2 * arcs + n).fill(1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let a = p.arcStart[i] as number; a < (p.arcStart[i + 1] as number); a++) {
      colCost[a] = p.arcCost[a] as number;
      starts[a] = k;
      indices[k++] = i;
      indices[k++] = n + (p.arcVolunteer[a] as number);
    }
  }
  for (let i = 0; i < n; i++) {
    colCost[arcs + i] = penalty;
    starts[arcs + i] = k;
    indices[k++] = i;
  }
  starts[numCols] = k;
  const rowLower = new Float64Array(n + m);
  const rowUpper = new Float64Array(n + m);
  for (let i = 0; i < n; i++) {
    rowLower[i] = 1;
    rowUpper[i] = 1;
  }
  for (let v = 0; v < m; v++) {
    rowLower[n + v] = -highs.infinity;
    rowUpper[n + v] = p.capacity[v] as number;
  }
  const model = {
    numCols,
    numRows: n + m,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows: n + m, numCols, starts, indices, values },
  };
  const x = highs.withModel(model, (lp) => {
    lp.options.set({ output_flag: false });
    lp.run();
    if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) {
      throw new Error(`HiGHS ended with model status ${lp.getModelStatus()}`);
    }
    return lp.getSolution().colValue;
  });
  const arcOf = new Int32Array(n).fill(-1);
  let assigned = 0;
  let cost = 0;
  for (let i = 0; i < n; i++) {
    for (let a = p.arcStart[i] as number; a < (p.arcStart[i + 1] as number); a++) {
      if ((x[a] as number) > 0.5) {
        arcOf[i] = a;
        assigned++;
        cost += p.arcCost[a] as number;
      }
    }
  }
  return { arcOf, assigned, cost };
}
