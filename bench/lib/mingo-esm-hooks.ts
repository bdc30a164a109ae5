/**
 * Module resolution hooks (registered by mingo-esm.ts) that load mingo's ES-module
 * build instead of its CommonJS build. Node always picks the CommonJS build (its
 * `exports` map lists `node` before `default`), whose esbuild interop turns every
 * call between mingo's modules into a property getter; the ES build has plain calls
 * but extensionless relative imports, which these hooks complete (`.js`, `/index.js`).
 *
 * Only imports made by a module whose URL carries `?mingo=esm` are redirected (so one
 * process can hold both builds and time them in turns): the benchmark imports
 * `src/engine/mingo-extensions.ts?mingo=esm` to get the embedded engine's operator
 * context built on the ES build. Used only by the benchmark, never by sqletl itself.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// the real path, as Node's own resolution gives (node_modules may be a symbolic link)
export const ESM_ROOT = realpathSync(resolvePath(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'mingo', 'esm'));
const ESM_URL = pathToFileURL(ESM_ROOT).href;

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string; format?: string | null }>;

function complete(base: string): string | undefined {
  for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) {
    if (candidate.endsWith('.js') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<{ url: string; format?: string | null; shortCircuit?: boolean }> {
  const parent = context.parentURL ?? '';
  let file: string | undefined;
  if ((specifier === 'mingo' || specifier.startsWith('mingo/')) && parent.includes('?mingo=esm')) {
    file = complete(join(ESM_ROOT, specifier === 'mingo' ? 'index' : specifier.slice('mingo/'.length)));
  } else if (specifier.startsWith('.') && parent.startsWith(ESM_URL)) {
    file = complete(resolvePath(dirname(fileURLToPath(parent)), specifier));
  }
  if (file) return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
