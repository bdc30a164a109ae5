import type { MongoEngine } from '../engine/mongodb.js';
import type { AggregateCommand, Document, MongoCommand } from '../commands/command-ir.js';
import type { AnalyzeBackend, LeadingScan, StageStats } from './analyze.js';

/**
 * `explain --analyze --uri …`: MongoDB's own `explain` with executionStats, turned
 * into per-stage rows. MongoDB answers in three shapes:
 * - a pipeline whose leading stages run in the query layer has `stages: [{$cursor:
 *   {queryPlanner, executionStats}}, {$group: …, nReturned, executionTimeMillisEstimate}, …]`;
 * - a pipeline that runs entirely in the query layer (a find-like pipeline, or one
 *   the slot-based engine took whole) has top-level `queryPlanner`/`executionStats`;
 * - on a sharded cluster, `shards: {name: <one of the above>}`.
 * Query-layer plans are listed as their plan stages (COLLSCAN, IXSCAN with its
 * index, FETCH, GROUP, …), leaves first. For the index suggestion, a collection
 * scan under a leading `$match` is measured exactly by counting that `$match`.
 */
export class ServerAnalyzer implements AnalyzeBackend {
  readonly engine = 'mongodb' as const;
  constructor(private readonly server: MongoEngine) {}

  async aggregate(cmd: AggregateCommand, stageStep: number) {
    const explained = await this.server.explain(cmd);
    const stages = explainStages(explained);
    const notes = stageStep > 0 ? [`the first ${stageStep} pipeline stages are the stage step; MongoDB may merge stages in its plan`] : [];
    let leading: LeadingScan | undefined;
    const first = cmd.pipeline[0];
    if (cmd.collection && first && '$match' in first) {
      const scans = planStages(explained);
      const indexed = scans.some((s) => /IXSCAN|IDHACK|COUNT_SCAN|DISTINCT_SCAN|EXPRESS/.test(s));
      const examined = leadingExamined(explained) ?? (await this.server.collectionSize(cmd.collection, cmd.db)) ?? 0;
      let returned = examined;
      if (!indexed) {
        const counted = await this.server.aggregate({ kind: 'aggregate', collection: cmd.collection, ...(cmd.db ? { db: cmd.db } : {}), pipeline: [first, { $count: 'n' }] });
        returned = Number(counted[0]?.n ?? 0);
      }
      leading = { examined, returned, indexed };
    }
    return { stages, notes, ...(leading ? { leading } : {}) };
  }

  async filter(cmd: Extract<MongoCommand, { kind: 'updateMany' | 'deleteMany' }>) {
    const explained = await this.server.explain(cmd);
    const stages = explainStages(explained);
    const exec = (explained.executionStats ?? {}) as Document;
    const top = (exec.executionStages ?? {}) as Document;
    const verb = cmd.kind === 'updateMany' ? 'update' : 'delete';
    const would = cmd.kind === 'updateMany' ? top.nWouldModify ?? top.nMatched : top.nWouldDelete;
    return { stages, notes: [`explained, not applied (analyze is read-only)${would === undefined ? '' : `: would ${verb} ${String(would)} document(s)`}`] };
  }
}

const n = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));

/** Per-stage rows of an explain document (any of MongoDB's shapes). */
export function explainStages(explained: Document, prefix = ''): StageStats[] {
  if (explained.shards && typeof explained.shards === 'object') {
    return Object.entries(explained.shards as Document).flatMap(([shard, doc]) => explainStages(doc as Document, `${prefix}${shard}: `));
  }
  const rows: StageStats[] = [];
  if (Array.isArray(explained.stages)) {
    // a stage's executionTimeMillisEstimate includes the stages before it: its own time is the difference
    let before = 0;
    for (const s of explained.stages as Document[]) {
      const name = Object.keys(s).find((k) => k.startsWith('$')) ?? '?';
      if (name === '$cursor') {
        rows.push(...queryLayerRows(s.$cursor as Document, prefix));
        before = n(s.executionTimeMillisEstimate) ?? n(((s.$cursor as Document).executionStats as Document | undefined)?.executionTimeMillis) ?? before;
        continue;
      }
      const cumulative = n(s.executionTimeMillisEstimate);
      const lookupScans = n(s.collectionScans);
      const indexes = Array.isArray(s.indexesUsed) ? (s.indexesUsed as string[]) : [];
      rows.push({
        stage: prefix + name,
        returned: n(s.nReturned),
        ms: cumulative === undefined ? undefined : Math.max(0, cumulative - before),
        docsExamined: n(s.totalDocsExamined),
        keysExamined: n(s.totalKeysExamined),
        ...(lookupScans || indexes.length ? { plan: [lookupScans ? `COLLSCAN ×${lookupScans}` : '', indexes.length ? `IXSCAN { ${indexes.join(', ')} }` : ''].filter(Boolean).join(', ') } : {}),
      });
      if (cumulative !== undefined) before = cumulative;
    }
    return rows;
  }
  return queryLayerRows(explained, prefix);
}

/** The query layer's plan as rows, leaves first, with the executionStats counts where the plan tree has them. */
function queryLayerRows(q: Document, prefix: string): StageStats[] {
  const exec = (q.executionStats ?? {}) as Document;
  const planner = (q.queryPlanner ?? {}) as Document;
  const tree = (exec.executionStages as Document | undefined) ?? undefined;
  const rows: StageStats[] = [];
  // classic plans carry per-node stats; slot-based ones ("explainVersion 2") list the plan under queryPlan
  const classic = tree && typeof tree.stage === 'string' && /^[A-Z_]+$/.test(tree.stage);
  // a plan node's executionTimeMillisEstimate includes its children's: its own time is the difference
  const walk = (node: Document | undefined) => {
    if (!node || typeof node !== 'object') return;
    const children = [...['inputStage', 'outerStage', 'innerStage', 'thenStage', 'elseStage'].map((k) => node[k] as Document | undefined), ...(Array.isArray(node.inputStages) ? (node.inputStages as Document[]) : [])].filter((c): c is Document => !!c && typeof c === 'object');
    for (const c of children) walk(c);
    if (typeof node.stage !== 'string') return;
    const total = n(node.executionTimeMillisEstimate);
    const inner = children.reduce((t, c) => t + (n(c.executionTimeMillisEstimate) ?? 0), 0);
    rows.push({
      stage: prefix + node.stage,
      returned: n(node.nReturned),
      ms: total === undefined ? undefined : Math.max(0, total - inner),
      docsExamined: n(node.docsExamined),
      keysExamined: n(node.keysExamined),
      ...(node.stage === 'COLLSCAN' ? { plan: 'COLLSCAN' } : typeof node.indexName === 'string' ? { plan: `IXSCAN ${node.indexName}` } : {}),
    });
  };
  if (classic) walk(tree);
  else {
    const winning = (planner.winningPlan ?? {}) as Document;
    walk((winning.queryPlan as Document | undefined) ?? winning);
  }
  rows.push({
    stage: `${prefix}query total`,
    docsExamined: n(exec.totalDocsExamined),
    keysExamined: n(exec.totalKeysExamined),
    returned: n(exec.nReturned),
    ms: n(exec.executionTimeMillis),
    plan: planStages(q).filter((s) => /SCAN|IDHACK|EXPRESS|EOF/.test(s)).join(', ') || undefined,
  });
  return rows;
}

/** Every plan stage name of the winning plans (with `IXSCAN name` for index scans), at any depth. */
export function planStages(explained: unknown): string[] {
  const out: string[] = [];
  const visit = (x: unknown, inPlan: boolean) => {
    if (Array.isArray(x)) return x.forEach((y) => visit(y, inPlan));
    if (!x || typeof x !== 'object') return;
    const d = x as Document;
    if (inPlan && typeof d.stage === 'string') out.push(d.stage === 'IXSCAN' && typeof d.indexName === 'string' ? `IXSCAN ${d.indexName}` : d.stage);
    for (const [k, v] of Object.entries(d)) {
      if (k === 'rejectedPlans' || k === 'executionStats' || k === 'slotBasedPlan') continue;
      visit(v, inPlan || k === 'winningPlan');
    }
  };
  visit(explained, false);
  return out;
}

/** Documents the query layer examined (the collection read), summed over shards; $lookup reads not included. */
export function leadingExamined(explained: Document): number | undefined {
  if (explained.shards && typeof explained.shards === 'object') {
    const parts = Object.values(explained.shards as Document).map((d) => leadingExamined(d as Document));
    return parts.some((p) => p === undefined) ? undefined : parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  }
  const first = Array.isArray(explained.stages) ? ((explained.stages as Document[])[0]?.$cursor as Document | undefined) : explained;
  return n(((first?.executionStats ?? {}) as Document).totalDocsExamined);
}
