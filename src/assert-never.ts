import { SqlEtlError, type Stage } from './errors.js';

/**
 * The end of an exhaustive dispatch over a discriminated union (`switch (x.kind)`):
 * once every kind is handled `x` has type `never`, so a new kind fails to compile at
 * each dispatch until it is handled there. At run time, reached only by a value the
 * types did not describe, it is an internal error naming the kind.
 */
export function assertNever(x: never, stage: Stage): never {
  // `x` is `never` to the compiler; at run time it is whatever slipped through
  const value: unknown = x;
  const kind = typeof value === 'object' && value !== null && 'kind' in value ? value.kind : value;
  throw new SqlEtlError('internal', stage, `unhandled kind ${JSON.stringify(kind) ?? String(kind)}`);
}
