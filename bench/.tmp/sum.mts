import { summarizeProfile } from '../lib/cpuprofile.ts';
const s = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
console.log('total', s.totalMs);
console.log('--- by area'); for (const x of s.byArea) console.log(x.pct.toFixed(1).padStart(5), x.ms, x.name);
console.log('--- self'); for (const x of s.selfTop) console.log(x.pct.toFixed(1).padStart(5), x.ms, x.name);
console.log('--- inclusive'); for (const x of s.inclusive) console.log(x.pct.toFixed(1).padStart(5), x.ms, x.name);
