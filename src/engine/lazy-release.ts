import { Lazy } from './mingo-runtime.js';

/**
 * A blocking stage ($sort, $group, $setWindowFields) that lets go of what it has read.
 *
 * mingo's `Iterator.transform(f)` calls `f(self.collect())`, and `collect()` keeps every
 * document it read in the upstream iterator's buffer, which the returned iterator
 * references until the whole pipeline has run. A pipeline of k blocking stages thus holds
 * k full copies of its rows at the end: at 400,000 rows, the four `$setWindowFields` of a
 * query with three window functions kept 1.1 GB live, and at 1,000,000 rows the heap
 * reached V8's limit, so that the run spent most of its time in the garbage collector
 * (bench/README.md, the 1M-row scale run). Here the input is read into an array of the
 * stage's own that is dropped once `f` has returned, and each output document is
 * released as it is handed on: the rows a stage has passed on are referenced by the
 * next stage alone. Same documents in the same order as `transform`.
 */
type Step = { value?: unknown; done?: boolean };
export interface Pullable {
  next(): Step;
}

export function releasingTransform<T>(coll: Pullable, f: (items: T[]) => T[]): unknown {
  let out: (T | undefined)[] | undefined;
  let i = 0;
  return Lazy(() => {
    if (out === undefined) {
      const items: T[] = [];
      for (let s = coll.next(); !s.done; s = coll.next()) items.push(s.value as T);
      out = f(items);
    }
    if (i < out.length) {
      const value = out[i];
      out[i++] = undefined;
      return { value, done: false };
    }
    out.length = 0;
    return { value: undefined, done: true };
  });
}
