/**
 * `{...doc, [field]: value}` for the join stages, which make one such copy per joined row
 * (`$lookup`, `$unwind`, their fusion). V8's object spread with a computed key took a
 * fifth of a join's time in profiles (TPC-H q05); copying the own keys one by one onto a
 * fresh object is about a third cheaper per copy in a chain of joins (bench/README.md)
 * and gives the same object: the same own enumerable string keys in the same order, the
 * field replaced where it was or added last. A `__proto__` key (JSON can hold one as an
 * own field; an assignment would set the prototype instead) is left to the spread.
 */
type Doc = Record<string, unknown>;

export function withField(doc: Doc, field: string, value: unknown): Doc {
  const out: Doc = {};
  const keys = Object.keys(doc);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === '__proto__') return { ...doc, [field]: value };
    out[k] = doc[k];
  }
  if (field === '__proto__') return { ...doc, [field]: value };
  out[field] = value;
  return out;
}
