/**
 * Workload 3b, static checks on every generated pipeline (grammar-test cases and the
 * benchmark jobs), from DESIGN §5:
 *  - a query whose FROM is a base collection and whose WHERE has a conjunct without a
 *    subquery must start with `$match` (and, ideally, a query-language filter an index
 *    can serve: no top-level `$expr`); joins are left to a later version;
 *  - no `$push: "$$ROOT"` (gathering whole documents into one group breaks the 16 MB limit);
 *  - stage counts (min / median / max).
 * Also: every grammar case's query pipeline on the fixtures with mingo's CLONE_OFF gives
 * the same rows as CLONE_INPUT (the engine's mode) and leaves the input documents
 * untouched. (Write statements' pipelines are checked statically only.)
 */
import { Aggregator, ProcessingMode } from '../../dist/engine/mingo-runtime.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync, loadModule } from 'libpg-query';
import { compile } from '../../dist/index.js';
import { EMBEDDED_CONTEXT } from '../../dist/engine/mingo-extensions.js';
import { readCollectionFile } from '../../dist/io/data-files.js';
import type { Document } from '../../src/commands/command-ir.js';
import { FIXTURES_DIR, caseOptions, discoverCases, readSchema } from '../../test/support/cases.js';
import { JOB_NAMES, loadJob, readSchema as readBenchSchema } from './jobs.js';
import { median } from './measure.js';

export interface PipelineCheck {
  source: string;
  stages: number;
  whereOnBase: boolean;
  leadingMatch: boolean;
  /** leading $match without a top-level $expr (index-eligible) */
  leadingMatchQueryLanguage: boolean;
  pushRoot: boolean;
}

export interface StaticResult {
  pipelines: number;
  stageCounts: { min: number; median: number; max: number };
  jobStageCounts: { min: number; median: number; max: number };
  whereOnBase: number;
  withLeadingMatch: number;
  withQueryLanguageMatch: number;
  /** pipelines with a WHERE on a base collection but no leading $match */
  missingLeadingMatch: string[];
  /** leading $match that is all $expr (not index-eligible) */
  exprOnlyMatch: string[];
  pushRoot: string[];
  cloneOff: { cases: number; sameRows: number; inputIntact: number; failures: string[] };
}

type Node = Record<string, unknown>;

/**
 * Does the query that scans the pipeline's collection (following FROM through CTEs and
 * subqueries) have a WHERE conjunct that can run before anything else — one without a
 * subquery in it? Joins (several FROM items, JOIN) are not counted: their conditions
 * belong to the `$lookup`s.
 */
export function whereOnBaseCollection(sql: string): boolean {
  let tree: { stmts: { stmt: Node }[] };
  try {
    tree = parseSync(sql) as typeof tree;
  } catch {
    return false; // another dialect's spelling (grammar-tests/dialect-*): PostgreSQL's parser cannot read it
  }
  const stmt = tree.stmts[tree.stmts.length - 1]?.stmt;
  const select = stmt?.SelectStmt as Node | undefined;
  return select ? scanHasWhere(select, new Map()) : false;
}

const hasSubLink = (v: unknown): boolean =>
  Array.isArray(v) ? v.some(hasSubLink) : v !== null && typeof v === 'object' ? 'SubLink' in v || Object.values(v).some(hasSubLink) : false;

/** The WHERE's top-level AND conjuncts that contain no subquery. */
function plainConjuncts(where: unknown): unknown[] {
  const bool = (where as { BoolExpr?: { boolop: string; args: unknown[] } }).BoolExpr;
  const conjuncts = bool?.boolop === 'AND_EXPR' ? bool.args : [where];
  return conjuncts.filter((c) => !hasSubLink(c));
}

interface CteScope {
  query: Node;
  /** the names visible inside the CTE: earlier CTEs of its WITH and the enclosing ones (not itself) */
  scope: Map<string, CteScope>;
}

function scanHasWhere(select: Node, ctes: Map<string, CteScope>): boolean {
  const scope = new Map(ctes);
  const withClause = select.withClause as { ctes?: { CommonTableExpr: { ctename: string; ctequery: { SelectStmt?: Node } } }[] } | undefined;
  for (const c of withClause?.ctes ?? []) {
    const q = c.CommonTableExpr.ctequery.SelectStmt;
    if (q) scope.set(c.CommonTableExpr.ctename, { query: q, scope: new Map(scope) });
  }
  const fromItems = (select.fromClause as Node[] | undefined) ?? [];
  const from = fromItems[0];
  if (!from || fromItems.length > 1) return false;
  if (from.RangeVar) {
    const rv = from.RangeVar as { relname: string; schemaname?: string };
    const cte = rv.schemaname ? undefined : scope.get(rv.relname);
    if (cte) return scanHasWhere(cte.query, cte.scope);
    return select.whereClause !== undefined && plainConjuncts(select.whereClause).length > 0;
  }
  if (from.RangeSubselect) {
    const sub = (from.RangeSubselect as { subquery: { SelectStmt?: Node } }).subquery.SelectStmt;
    return sub ? scanHasWhere(sub, scope) : false;
  }
  return false;
}

function hasPushRoot(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasPushRoot);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$push' && x === '$$ROOT') return true;
      if (hasPushRoot(x)) return true;
    }
  }
  return false;
}

function checkPipeline(source: string, sql: string, pipeline: Document[]): PipelineCheck {
  const first = pipeline[0] as { $match?: Node } | undefined;
  const leadingMatch = first?.$match !== undefined;
  return {
    source,
    stages: pipeline.length,
    whereOnBase: whereOnBaseCollection(sql),
    leadingMatch,
    leadingMatchQueryLanguage: leadingMatch && !('$expr' in first!.$match!),
    pushRoot: hasPushRoot(pipeline),
  };
}

const spread = (xs: number[]) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });

export async function staticChecks(): Promise<StaticResult> {
  await loadModule();
  const schema = readSchema();
  const checks: PipelineCheck[] = [];
  const fixtures = new Map<string, Document[]>();
  for (const f of readdirSync(FIXTURES_DIR)) {
    if (f.endsWith('.json')) fixtures.set(f.slice(0, -5), readCollectionFile(join(FIXTURES_DIR, f)));
  }
  const cloneOff = { cases: 0, sameRows: 0, inputIntact: 0, failures: [] as string[] };
  for (const c of discoverCases()) {
    if (c.error) continue;
    let script;
    try {
      script = await compile(c.sql, caseOptions(c, schema));
    } catch {
      continue; // reported by the compile workload
    }
    for (const st of script.statements) {
      for (const cmd of st.commands) {
        if (cmd.kind !== 'aggregate') continue;
        checks.push(checkPipeline(c.file, st.sql, cmd.pipeline));
        // CLONE_OFF against CLONE_INPUT on the fixtures, for queries (write pipelines end in $merge/$out)
        if (st.kind !== 'select' || JSON.stringify(cmd.pipeline).match(/"\$(merge|out)"/)) continue;
        const input = cmd.collection ? (fixtures.get(cmd.collection) ?? []) : [];
        const resolver = (name: string) => fixtures.get(name) ?? [];
        const runMode = (mode: ProcessingMode) =>
          new Aggregator(cmd.pipeline, { collectionResolver: resolver, processingMode: mode, scriptEnabled: true, context: EMBEDDED_CONTEXT }).run(input);
        let cloned: string;
        try {
          cloned = JSON.stringify(runMode(ProcessingMode.CLONE_INPUT));
        } catch {
          continue; // a case that fails at run time today
        }
        cloneOff.cases++;
        const before = JSON.stringify([...fixtures.values()]);
        let same = false;
        try {
          same = JSON.stringify(runMode(ProcessingMode.CLONE_OFF)) === cloned;
        } catch {
          same = false;
        }
        const intact = JSON.stringify([...fixtures.values()]) === before;
        if (same) cloneOff.sameRows++;
        if (intact) cloneOff.inputIntact++;
        if (!same || !intact) {
          cloneOff.failures.push(`${c.file}${same ? '' : ' (rows differ)'}${intact ? '' : ' (input modified)'}`);
          for (const f of readdirSync(FIXTURES_DIR)) if (f.endsWith('.json')) fixtures.set(f.slice(0, -5), readCollectionFile(join(FIXTURES_DIR, f)));
        }
      }
    }
  }
  const jobChecks: PipelineCheck[] = [];
  const benchSchema = readBenchSchema();
  for (const name of JOB_NAMES) {
    for (const q of loadJob(name).queries) {
      const script = await compile(q.sql, { schema: benchSchema });
      for (const st of script.statements) for (const cmd of st.commands) if (cmd.kind === 'aggregate') jobChecks.push(checkPipeline(`bench/jobs/${name}.sql#${q.name}`, st.sql, cmd.pipeline));
    }
  }
  const all = [...checks, ...jobChecks];
  const where = all.filter((c) => c.whereOnBase);
  return {
    pipelines: all.length,
    stageCounts: spread(all.map((c) => c.stages)),
    jobStageCounts: spread(jobChecks.map((c) => c.stages)),
    whereOnBase: where.length,
    withLeadingMatch: where.filter((c) => c.leadingMatch).length,
    withQueryLanguageMatch: where.filter((c) => c.leadingMatchQueryLanguage).length,
    missingLeadingMatch: where.filter((c) => !c.leadingMatch).map((c) => c.source),
    exprOnlyMatch: where.filter((c) => c.leadingMatch && !c.leadingMatchQueryLanguage).map((c) => c.source),
    pushRoot: all.filter((c) => c.pushRoot).map((c) => c.source),
    cloneOff,
  };
}
