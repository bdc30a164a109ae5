/**
 * mingo's ES-module build next to the CommonJS build Node loads (see mingo-esm-hooks.ts):
 * `loadEsmMingo()` returns its Aggregator and the embedded engine's operator context
 * (src/engine/mingo-extensions.ts) built on it, in this same process.
 */
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EsmMingo {
  Aggregator: typeof import('mingo/aggregator').Aggregator;
  context: typeof import('../../src/engine/mingo-extensions.js').EMBEDDED_CONTEXT;
}

let registered = false;

export async function loadEsmMingo(): Promise<EsmMingo> {
  if (!registered) {
    register('./mingo-esm-hooks.ts', import.meta.url);
    registered = true;
  }
  const { ESM_ROOT } = await import('./mingo-esm-hooks.js');
  const agg = (await import(pathToFileURL(join(ESM_ROOT, 'aggregator.js')).href)) as typeof import('mingo/aggregator');
  const ext = (await import(new URL('../../src/engine/mingo-extensions.ts?mingo=esm', import.meta.url).href)) as typeof import('../../src/engine/mingo-extensions.js');
  return { Aggregator: agg.Aggregator, context: ext.EMBEDDED_CONTEXT };
}
