import type { EmbeddedEngine } from '../engine/embedded.js';
import type { AggregateCommand, MongoCommand } from '../commands/command-ir.js';
import { stageName, type AnalyzeBackend, type StageStats } from './analyze.js';

/**
 * `explain --analyze` on the embedded engine: each pipeline runs on mingo over the
 * data directory prefix by prefix (stages 1..k for each k), so every stage's
 * documents in and out are the real counts; a stage's time is its prefix's time
 * minus the previous prefix's (the collection is loaded before timing starts).
 * The embedded engine has no indexes: the read is a collection scan, reported as
 * the first row. Callers never pass a write stage (analyze.ts cuts them off).
 */
export class EmbeddedAnalyzer implements AnalyzeBackend {
  readonly engine = 'embedded' as const;
  constructor(private readonly db: EmbeddedEngine) {}

  async aggregate(cmd: AggregateCommand, stageStep: number) {
    const stages: StageStats[] = [];
    let docsIn = 0;
    if (cmd.collection) {
      docsIn = (await this.db.collectionSize(cmd.collection, cmd.db)) ?? 0;
      stages.push({ stage: `COLLSCAN ${cmd.collection}`, docsExamined: docsIn, returned: docsIn, plan: 'COLLSCAN', ...(stageStep > 0 ? { stageStep: true } : {}) });
    }
    let previousMs = 0;
    let leadingReturned: number | undefined;
    for (let k = 1; k <= cmd.pipeline.length; k++) {
      const started = performance.now();
      const docs = await this.db.aggregate({ ...cmd, pipeline: cmd.pipeline.slice(0, k) });
      const elapsed = performance.now() - started;
      const stage = cmd.pipeline[k - 1];
      stages.push({ stage: stageName(stage), docsIn: k === 1 && !cmd.collection ? undefined : docsIn, returned: docs.length, ms: Math.max(0, elapsed - previousMs), ...(k <= stageStep ? { stageStep: true } : {}) });
      if (k === 1 && '$match' in stage) leadingReturned = docs.length;
      previousMs = elapsed;
      docsIn = docs.length;
    }
    const size = stages[0]?.docsExamined ?? 0;
    return { stages, ...(cmd.collection ? { leading: { examined: size, returned: leadingReturned ?? size, indexed: false } } : {}) };
  }

  async filter(cmd: Extract<MongoCommand, { kind: 'updateMany' | 'deleteMany' }>) {
    const size = (await this.db.collectionSize(cmd.collection, cmd.db)) ?? 0;
    const started = performance.now();
    const matched = (await this.db.aggregate({ kind: 'aggregate', collection: cmd.collection, ...(cmd.db ? { db: cmd.db } : {}), pipeline: [{ $match: cmd.filter }] })).length;
    const ms = performance.now() - started;
    const verb = cmd.kind === 'updateMany' ? 'update' : 'delete';
    return {
      stages: [{ stage: `${verb} filter`, docsIn: size, docsExamined: size, returned: matched, ms, plan: 'COLLSCAN' }],
      notes: [`not run (analyze is read-only): would ${verb} the ${matched} matching document${matched === 1 ? '' : 's'}`],
    };
  }
}
