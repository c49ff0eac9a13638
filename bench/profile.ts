/**
 * Where a CPU profile's time went: self time grouped by package (or by our own folder), and the
 * heaviest functions. Reads `.cpuprofile` files written by `node --cpu-prof` (BENCH_PROFILE=dir npm run bench).
 *
 *   npx tsx bench/profile.ts /tmp/prof/CPU.*.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to, or the folder of our own code, or a V8/Node category. */
export function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const src = url.indexOf('/src/server/');
  if (src >= 0)
    return `leifeng:${url
      .slice(src + 12)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return url.replace(/^file:\/\//, '');
}

export function summarise(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  let idle = 0;
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id) as Node;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    // `dispatch` (no script) is the inspector stopping the profiler (bench/server.ts): not the server's work.
    if (functionName === '(idle)' || (functionName === 'dispatch' && !url)) {
      idle += us;
      continue;
    }
    const bucket = bucketOf(url, functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    busyMs: busy / 1000,
    idleShare: idle / total,
    buckets: sorted(buckets).map(([k, us]) => [k, pct(us)] as const),
    functions: sorted(functions).map(([k, us]) => [k, pct(us)] as const),
  };
}

if (process.argv[1]?.endsWith('profile.ts')) {
  const files = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
  const top = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 25);
  for (const file of files) {
    const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, top);
    console.log(`\n# ${file}: busy ${s.busyMs.toFixed(0)} ms, idle ${(100 * s.idleShare).toFixed(0)} %\n`);
    console.log('## self time by package');
    for (const [k, v] of s.buckets) console.log(`${v.padStart(8)}  ${k}`);
    console.log('\n## heaviest functions (self)');
    for (const [k, v] of s.functions) console.log(`${v.padStart(8)}  ${k}`);
  }
}
