/**
 * Module resolution hooks (registered by mingo-esm.ts) that load mingo's ES-module
 * build instead of its CommonJS build. Node always picks the CommonJS build (its
 * `exports` map lists `node` before `default`), whose esbuild interop turns every
 * call between mingo's modules into a property getter; the ES build has plain calls
 * but extensionless relative imports, which these hooks complete (`.js`, `/index.js`).
 * Used only by the benchmark's experiment (`--mingo-esm`), never by sqletl itself.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ESM_ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'mingo', 'esm');

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
  let file: string | undefined;
  if (specifier === 'mingo' || specifier.startsWith('mingo/')) {
    file = complete(join(ESM_ROOT, specifier === 'mingo' ? 'index' : specifier.slice('mingo/'.length)));
  } else if (specifier.startsWith('.') && context.parentURL?.startsWith(pathToFileURL(ESM_ROOT).href)) {
    file = complete(resolvePath(dirname(fileURLToPath(context.parentURL)), specifier));
  }
  if (file) return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
