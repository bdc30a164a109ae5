import { resolve } from 'node:path';
import { SqlEtlError } from '../errors.js';
import { compile, explain } from '../index.js';
import type { Value } from '../ir/expr.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { checkSharding, type ShardKeys } from '../mongo/sharding-check.js';
import { checkDataDir, readInputFile, resolveTarget } from './options.js';
import { EXIT_OK, wantsColor, writeErr, writeOut } from './terminal.js';

/**
 * `sqletl explain <file.sql>`: the MongoDB commands each statement compiles to;
 * nothing runs. Warnings on stderr name statements that cannot run on a sharded
 * target (shard keys from `--shard-key`, and from the cluster with `--uri`).
 *
 * `--analyze` measures them without writing: with `--uri` (or the environment's
 * URI) MongoDB's explain with executionStats, otherwise a stage-by-stage run on
 * the embedded engine over `--data` (src/run/analyze.ts).
 */
export interface ExplainCommandOptions {
  format: 'shell' | 'json';
  schema?: string;
  db?: string;
  var: Record<string, Value>;
  percentiles?: 'exact' | 'approximate';
  /** SQL dialect of the file (--dialect) */
  dialect?: 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';
  stage?: 'ir' | 'plan' | 'pipeline';
  analyze?: boolean;
  uri?: string;
  data?: string;
  shardKey?: ShardKeys;
}

export async function explainCommand(file: string, opts: ExplainCommandOptions, dataExplicit = false): Promise<number> {
  const text = readInputFile(file, 'SQL file');
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  const common = { file, vars: opts.var, schema, db: opts.db, percentiles: opts.percentiles, dialect: opts.dialect };
  if (opts.analyze) {
    if (opts.stage && opts.stage !== 'pipeline') throw new SqlEtlError('conflicting-options', 'usage', `--analyze measures the MongoDB commands; it cannot be combined with --stage ${opts.stage}`);
    return analyzeCommand(text, common, opts, dataExplicit);
  }
  if (opts.data !== undefined && dataExplicit) throw new SqlEtlError('conflicting-options', 'usage', '--data is read by explain --analyze only');
  // JSON output is for programs: never coloured
  const color = opts.format === 'shell' && wantsColor(process.stdout);
  writeOut(await explain(text, { ...common, stage: opts.stage, format: opts.format, color }));
  if (opts.stage === undefined || opts.stage === 'pipeline') {
    const script = await compile(text, common);
    // only an explicit --uri connects (to read the cluster's shard keys); the environment's URI is for --analyze and run
    const uri = opts.uri === undefined ? undefined : resolveTarget({ uri: opts.uri, data: '', dataExplicit: false }, {}).uri;
    const keys = { ...(uri ? await serverShardKeys(uri, opts.db) : {}), ...opts.shardKey };
    reportSharding(script.statements, keys);
  }
  return EXIT_OK;
}

async function analyzeCommand(text: string, common: Parameters<typeof compile>[1] & object, opts: ExplainCommandOptions, dataExplicit: boolean): Promise<number> {
  const script = await compile(text, common);
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data ?? './data'), dataExplicit });
  const { analyzeStatements, formatAnalysis } = await import('../run/analyze.js');
  let report;
  let keys: ShardKeys = { ...opts.shardKey };
  if (target.uri) {
    const { MongoEngine } = await import('../engine/mongodb.js');
    const { ServerAnalyzer } = await import('../run/analyze-server.js');
    const server = await MongoEngine.connect(target.uri, opts.db);
    try {
      keys = { ...(await server.shardKeys(opts.db)), ...keys };
      report = await analyzeStatements(script.statements, new ServerAnalyzer(server));
    } finally {
      await server.close();
    }
  } else {
    checkDataDir(target.dataDir!);
    const { EmbeddedEngine } = await import('../engine/embedded.js');
    const { EmbeddedAnalyzer } = await import('../run/analyze-embedded.js');
    // no lock and no transaction: analyze only reads (and never calls write)
    const embedded = new EmbeddedEngine(target.dataDir!, opts.db);
    try {
      report = await analyzeStatements(script.statements, new EmbeddedAnalyzer(embedded));
    } finally {
      await embedded.close();
    }
  }
  const engine = target.uri ? 'mongodb' : 'embedded';
  const warnings = checkSharding(script.statements, keys);
  if (opts.format === 'json') writeOut(JSON.stringify({ engine, statements: report, warnings }, null, 2));
  else {
    writeOut(formatAnalysis(report, engine));
    reportSharding(script.statements, keys);
  }
  return EXIT_OK;
}

function reportSharding(statements: CompiledStatement[], keys: ShardKeys): void {
  for (const w of checkSharding(statements, keys)) writeErr(`warning: statement ${w.statement}: sharded cluster: ${w.message}`);
}

/** The cluster's shard keys for the default database ({} when not sharded, or not allowed to read config). */
async function serverShardKeys(uri: string, db: string | undefined): Promise<ShardKeys> {
  const { MongoEngine } = await import('../engine/mongodb.js');
  const server = await MongoEngine.connect(uri, db);
  try {
    return await server.shardKeys(db);
  } finally {
    await server.close();
  }
}
