/**
 * Summaries of a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function
 * and per area (mingo, sqletl's extensions, EJSON, GC …), and inclusive time per
 * function name (each sample counted once per distinct name on its stack), which
 * is how much of the run sits under a given mingo operator such as `$group`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  byArea: Share[];
  selfTop: Share[];
  inclusive: Share[];
}

/** The area a frame's code belongs to. */
export function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)' || fn === '(program)' || fn === '(root)') return fn;
  const m = /node_modules\/mingo\/(?:cjs|esm)\/(.*)\.js$/.exec(url);
  if (m) {
    const path = m[1];
    if (path.startsWith('operators/')) return `mingo ${path.split('/').slice(0, 2).join('/')}`;
    return `mingo ${path.split('/')[0]}`;
  }
  if (url.includes('node_modules/bson/')) return 'bson (EJSON)';
  if (url.includes('/src/engine/mingo-extensions')) return 'src/engine/mingo-extensions.ts';
  if (url.includes('/src/')) return url.slice(url.indexOf('/src/') + 1).replace(/\?.*$/, '');
  if (url.includes('/bench/')) return 'bench';
  if (url.includes('node_modules/')) return url.split('node_modules/')[1].split('/')[0];
  if (url.startsWith('node:') || url === '') return fn ? 'node/V8 builtins' : '(native)';
  return 'other';
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    total += dt;
    const key = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = areaOf(url, functionName);
    area.set(a, (area.get(a) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const name = f.functionName && f.url.includes('mingo') ? `${f.functionName} (${shortUrl(f.url)})` : f.functionName ? `${f.functionName} (${shortUrl(f.url)})` : '';
      if (name && !seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + dt);
      }
    }
  });
  const shares = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((1000 * ms) / total) / 10 }));
  return { totalMs: Math.round(total), byArea: shares(area, 40), selfTop: shares(self, top), inclusive: shares(incl, top * 2) };
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length).replace('/cjs/', '/');
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  const b = url.indexOf('/bench/');
  if (b >= 0) return url.slice(b + 1);
  return url.replace(/^file:\/\//, '');
}
