/**
 * A pipeline's shape in one line, for the TPC-H table: the collection, then each
 * stage's name; `$lookup`s show what they read and how (`lookup(orders by key)`,
 * `lookup(lineitem per row: match group)` for a correlated sub-pipeline), `$match`
 * stages only once in a row. Enough to see where a plan rescans a collection per row.
 */
type Doc = Record<string, unknown>;

export function planShape(cmd: { collection?: string; pipeline: Doc[] }): string {
  return `${cmd.collection ?? 'documents'}: ${stages(cmd.pipeline)}`;
}

function stages(pipeline: Doc[]): string {
  const out: string[] = [];
  for (const s of pipeline) {
    const op = Object.keys(s)[0];
    const arg = s[op] as Doc;
    let text = op.slice(1);
    if (op === '$lookup') {
      const from = (arg.from as string | undefined) ?? 'docs';
      const keyed = arg.localField ? ' by key' : '';
      const perRow = arg.let ? ' per row' : '';
      const sub = Array.isArray(arg.pipeline) && arg.pipeline.length ? `: ${stages(arg.pipeline as Doc[])}` : '';
      text = `lookup(${from}${keyed}${perRow}${sub})`;
    } else if (op === '$unionWith') {
      const coll = typeof arg === 'string' ? arg : ((arg.coll as string | undefined) ?? 'docs');
      const sub = typeof arg === 'object' && Array.isArray(arg.pipeline) ? `: ${stages(arg.pipeline as Doc[])}` : '';
      text = `union(${coll}${sub})`;
    } else if (op === '$facet') {
      text = `facet(${Object.values(arg).map((p) => stages(p as Doc[])).join(' | ')})`;
    } else if (op === '$documents') text = 'docs';
    if (out[out.length - 1] === text && (text === 'match' || text === 'set' || text === 'unset')) continue;
    out.push(text);
  }
  return out.join(' ');
}
