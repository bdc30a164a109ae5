import { explain } from '../index.js';
import type { Value } from '../ir/expr.js';
import { readInputFile } from './options.js';
import { EXIT_OK, wantsColor, writeOut } from './terminal.js';

/** `sqletl explain <file.sql>`: the MongoDB commands each statement compiles to; nothing runs. */
export interface ExplainCommandOptions {
  format: 'shell' | 'json';
  schema?: string;
  db?: string;
  var: Record<string, Value>;
  percentiles?: 'exact' | 'approximate';
  stage?: 'ir' | 'plan' | 'pipeline';
}

export async function explainCommand(file: string, opts: ExplainCommandOptions): Promise<number> {
  const text = readInputFile(file, 'SQL file');
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  // JSON output is for programs: never coloured
  const color = opts.format === 'shell' && wantsColor(process.stdout);
  writeOut(await explain(text, { file, vars: opts.var, schema, db: opts.db, percentiles: opts.percentiles, stage: opts.stage, format: opts.format, color }));
  return EXIT_OK;
}
