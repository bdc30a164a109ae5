// Part of `npm run build` (see src/engine/mingo-runtime.ts for why): replaces
// dist/engine/mingo-runtime.js with one ES module bundling mingo's ES-module build.
// `platform: 'neutral'` leaves the "node" export condition off, so mingo's package
// exports resolve to its "default" (ESM) files instead of its CommonJS build.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const outfile = 'dist/engine/mingo-runtime.js';
await build({
  entryPoints: ['src/engine/mingo-runtime.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'node20',
  legalComments: 'inline',
  logLevel: 'warning',
});
process.stdout.write(`bundled mingo (ES module build) into ${outfile}: ${(statSync(outfile).size / 1024).toFixed(0)} KiB\n`);
