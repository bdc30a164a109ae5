import { assertNever } from '../assert-never.js';
import type { AggregateCommand, CompiledStatement, Document, MongoCommand } from '../commands/command-ir.js';
import { suggestIndex, type IndexSuggestion } from './suggest-index.js';

/**
 * `sqletl explain --analyze`: what each statement's commands would do to the data,
 * measured without writing anything.
 *
 * Per command, a backend reports per-stage statistics (documents in, examined,
 * returned, time, index or COLLSCAN): on a server MongoDB's `explain`
 * (executionStats), on the embedded engine a stage-by-stage run of the pipeline
 * over the data directory. Read-only by construction:
 * - `$out`/`$merge` stages are cut off: the documents that reach them are counted,
 *   nothing is written (the output says so);
 * - a command reading the statement's stage collection (which analyze never
 *   creates) is analysed with the pipeline that would have filled the stage in
 *   front of its own (the "stage step" rows);
 * - updates and deletes are measured by their filter (embedded) or by MongoDB's
 *   explain of the write, which plans and counts without applying it;
 * - DDL and cleanup commands are listed as not run.
 */

export interface StageStats {
  stage: string;
  docsIn?: number;
  docsExamined?: number;
  keysExamined?: number;
  returned?: number;
  ms?: number;
  /** COLLSCAN, IXSCAN { index }, … */
  plan?: string;
  /** the row belongs to the pipeline that fills the statement's stage collection */
  stageStep?: boolean;
}

export interface CommandAnalysis {
  /** 1-based position among the statement's commands */
  command: number;
  what: string;
  run: boolean;
  stages: StageStats[];
  notes: string[];
  suggestion?: IndexSuggestion;
}

export interface StatementAnalysis {
  statement: number;
  sql: string;
  commands: CommandAnalysis[];
}

/** What the leading collection read did: for the index suggestion. */
export interface LeadingScan {
  examined: number;
  returned: number;
  /** an index served it (no suggestion then) */
  indexed: boolean;
}

export interface AnalyzeBackend {
  readonly engine: 'embedded' | 'mongodb';
  /** per-stage statistics of a pipeline that writes nothing; `stageStep` stages lead it */
  aggregate(cmd: AggregateCommand, stageStep: number): Promise<{ stages: StageStats[]; leading?: LeadingScan; notes?: string[] }>;
  /** what an update or delete would touch, without applying it */
  filter(cmd: Extract<MongoCommand, { kind: 'updateMany' | 'deleteMany' }>): Promise<{ stages: StageStats[]; notes: string[] }>;
}

const STAGE_PREFIX = '__sqletl_stage_';

export function stageName(stage: Document): string {
  return Object.keys(stage)[0] ?? '?';
}

function writeTarget(stage: Document | undefined): string | undefined {
  if (!stage) return undefined;
  const spec = (stage.$out ?? stage.$merge) as unknown;
  if (spec === undefined) return undefined;
  const into = spec && typeof spec === 'object' && 'into' in (spec as Document) ? (spec as Document).into : spec;
  if (typeof into === 'string') return into;
  if (into && typeof into === 'object') return String((into as Document).coll);
  return '?';
}

function describe(cmd: MongoCommand): string {
  const role = cmd.role ? ` (${cmd.role})` : '';
  if (cmd.kind === 'aggregate') return `aggregate on ${cmd.collection ?? '$documents'}${role}`;
  if (cmd.kind === 'loop') return `loop ${cmd.name}${role}`;
  return `${cmd.kind} ${cmd.collection}${role}`;
}

export async function analyzeStatements(statements: CompiledStatement[], backend: AnalyzeBackend): Promise<StatementAnalysis[]> {
  const out: StatementAnalysis[] = [];
  for (const st of statements) {
    // the pipelines that would fill this statement's stage collections
    const stages = new Map<string, AggregateCommand>();
    const commands: CommandAnalysis[] = [];
    for (const [i, cmd] of st.commands.entries()) {
      const base = { command: i + 1, what: describe(cmd) };
      if (cmd.kind === 'aggregate') {
        const last = cmd.pipeline.at(-1);
        const target = writeTarget(last);
        const body = target === undefined ? cmd.pipeline : cmd.pipeline.slice(0, -1);
        const notes: string[] = [];
        let read: AggregateCommand = { ...cmd, pipeline: body };
        let stageStep = 0;
        const filler = cmd.collection?.startsWith(STAGE_PREFIX) ? stages.get(cmd.collection) : undefined;
        if (filler) {
          read = { ...filler, pipeline: [...filler.pipeline, ...body] };
          stageStep = filler.pipeline.length;
          notes.push(`reads the statement's stage collection, which analyze does not create: the pipeline that fills it runs first (the stage step row)`);
        }
        const r = await backend.aggregate(read, stageStep);
        notes.push(...(r.notes ?? []));
        if (filler) r.stages = collapseStageStep(r.stages, cmd.collection!);
        if (target !== undefined) {
          const reaching = r.stages.at(-1)?.returned;
          notes.push(`${stageName(last!)} into ${target}: not run (analyze is read-only)${reaching === undefined ? '' : `; ${reaching} document${reaching === 1 ? '' : 's'} would reach it`}`);
          if (target.startsWith(STAGE_PREFIX)) stages.set(target, { ...read, pipeline: read.pipeline });
        }
        let suggestion: IndexSuggestion | undefined;
        if (!filler && cmd.collection && r.leading && !r.leading.indexed) {
          suggestion = suggestIndex(cmd.collection, cmd.db, body, r.leading.examined, r.leading.returned);
        }
        commands.push({ ...base, run: true, stages: r.stages, notes, ...(suggestion ? { suggestion } : {}) });
      } else if (cmd.kind === 'updateMany' || cmd.kind === 'deleteMany') {
        const r = await backend.filter(cmd);
        commands.push({ ...base, run: true, stages: r.stages, notes: r.notes });
      } else if (cmd.kind === 'createCollection' || cmd.kind === 'createIndex' || cmd.kind === 'drop' || cmd.kind === 'createView') {
        commands.push({ ...base, run: false, stages: [], notes: [`not run: ${cmd.role === 'cleanup' ? 'cleanup' : 'DDL'} (analyze is read-only)`] });
      } else if (cmd.kind === 'loop') {
        commands.push({ ...base, run: false, stages: [], notes: ['not run: a WITH RECURSIVE loop, whose commands write its stage collections (analyze is read-only)'] });
      } else assertNever(cmd, 'run');
    }
    out.push({ statement: st.index, sql: st.sql, commands });
  }
  return out;
}

/** The stage step's rows (already shown under the command that fills the stage) as one row. */
function collapseStageStep(rows: StageStats[], stage: string): StageStats[] {
  const step = rows.filter((r) => r.stageStep);
  if (step.length === 0) return rows;
  const ms = step.reduce((t, r) => t + (r.ms ?? 0), 0);
  return [{ stage: `stage step → ${stage}`, returned: step.at(-1)!.returned, ms, stageStep: true }, ...rows.filter((r) => !r.stageStep)];
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const ms = (n: number | undefined) => (n === undefined ? '' : n < 10 ? n.toFixed(2) : n.toFixed(0));

/** The report as text: one table of stages per command, notes, suggestions. */
export function formatAnalysis(report: StatementAnalysis[], engine: 'embedded' | 'mongodb'): string {
  const lines: string[] = [];
  lines.push(engine === 'mongodb' ? '// explain --analyze: MongoDB explain (executionStats); nothing was written' : '// explain --analyze: embedded engine, each pipeline run stage by stage over the data directory (a stage\'s ms: its prefix\'s time minus the previous prefix\'s); no indexes, so every read is a collection scan; nothing was written');
  for (const st of report) {
    lines.push('', `// statement ${st.statement}: ${st.sql.replace(/\s+/g, ' ').trim()}`);
    for (const c of st.commands) {
      lines.push(`//   command ${c.command}: ${c.what}`);
      if (c.stages.length > 0) {
        const header = ['stage', 'docs in', 'examined', 'keys', 'returned', 'ms', 'plan'];
        const rows = c.stages.map((s) => [(s.stageStep ? '· ' : '') + s.stage, num(s.docsIn), num(s.docsExamined), num(s.keysExamined), num(s.returned), ms(s.ms), s.plan ?? '']);
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const fmt = (r: string[]) => `//     ${r.map((v, i) => (i === 0 || i === r.length - 1 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ').trimEnd()}`;
        lines.push(fmt(header), ...rows.map(fmt));
      }
      for (const n of c.notes) lines.push(`//     note: ${n}`);
      if (c.suggestion) {
        lines.push(`//     suggestion: ${c.suggestion.reason}; an index would help:`);
        if (c.suggestion.sql) lines.push(`//       ${c.suggestion.sql}`);
        lines.push(`//       ${c.suggestion.shell}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
