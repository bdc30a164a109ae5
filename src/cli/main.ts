import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SqlEtlError } from '../errors.js';
import type { Value } from '../ir/expr.js';
import { collectVar, serverRunFlags, serverRunOptions, shardKeyOption, type ServerRunFlags } from './options.js';
import { EXIT_USAGE, reportError } from './terminal.js';

/**
 * The `sqletl` program: commander wiring only; each command lives in its own file.
 * Every way out goes through `main`'s return value: 0 ok, 1 failed SQL or
 * statement, 2 bad usage (commander's own errors included, via exitOverride).
 */

const RUN_EXAMPLES = `
Examples:
  $ sqletl run job.sql                          embedded engine over ./data
  $ sqletl run job.sql --data ./fixtures        another data directory
  $ sqletl run job.sql --uri mongodb://localhost:27017 --db shop
  $ sqletl run job.sql --var since=2024-01-01 --var min_orders=2
  $ sqletl run job.sql --json | jq .rows        one JSON object per statement
  $ sqletl run job.sql --dry-run                show the pipelines, run nothing
  $ sqletl run job.sql --test tests/            run the job, then its data tests

Parameters: ':since' in the SQL takes the value of --var since=...; values are
bound as values, never pasted into the SQL text. Numbers and true/false are typed,
anything else is text converted by context (e.g. compared with a date column).

Environment: SQLETL_MONGODB_URI or MONGODB_URI is the default for --uri;
NO_COLOR turns colours off; SQLETL_DEBUG=1 shows stack traces of internal errors.
Exit codes: 0 ok, 1 bad SQL, a failed statement or test, 2 bad usage,
130/143 interrupted (SIGINT/SIGTERM; the run can be resumed).`;

const TEST_EXAMPLES = `
Examples:
  $ sqletl test tests/ --data ./data              every *.sql file under tests/
  $ sqletl test tests/orders.sql --junit junit.xml  a JUnit report for CI
  $ sqletl test tests/ --schema schema.sql        also the schema's NOT NULL/UNIQUE/PRIMARY KEY/CHECK
  $ sqletl test tests/ --json | jq 'select(.status == "fail")'

A test file holds SELECTs that return the rows breaking a rule: a test passes
when its SELECT returns no rows. The comment right before a SELECT names it:

  -- every order has a positive amount
  SELECT id, amount FROM orders WHERE amount <= 0;

Generic tests for a collection, in a comment:

  -- test customers: not_null(email), unique(_id), accepted_values(status: 'active', 'closed')
  -- test orders: relationships(customer_id -> customers._id), check(amount > 0)

Exit codes: 0 all tests pass, 1 a test fails or cannot run, 2 bad usage.`;

const PROGRAM_EXAMPLES = `
Examples:
  $ sqletl run job.sql --var since=2024-01-01   run a job on the embedded engine
  $ sqletl explain job.sql                      show its MongoDB pipelines
  $ sqletl test tests/ --junit junit.xml        run data tests, write a JUnit report
  $ sqletl help run                             options of one command`;

const EXPLAIN_EXAMPLES = `
Examples:
  $ sqletl explain job.sql                      mongosh syntax, coloured on a terminal
  $ sqletl explain job.sql | mongosh "$URI"     the output is a mongosh script
  $ sqletl explain job.sql --format json        canonical Extended JSON
  $ sqletl explain job.sql --var since=2024-01-01
  $ sqletl explain job.sql --analyze --data ./data   measure each stage on the embedded engine
  $ sqletl explain job.sql --analyze --uri "$URI"    MongoDB's explain (executionStats) per stage
  $ sqletl explain job.sql --shard-key orders=customer_id   warn what cannot run sharded

Exit codes: 0 ok, 1 bad SQL, 2 bad usage.`;

function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** `--interval`: a whole number of milliseconds, at least 10 */
function positiveMs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10) throw new InvalidArgumentError('expected a whole number of milliseconds, at least 10');
  return n;
}

/** --dialect: the SQL dialect of the files (README: Dialects); the --schema file stays PostgreSQL DDL */
function dialectOption(): Option {
  return new Option('--dialect <name>', 'SQL dialect of the files: postgres (default, or the file\'s "-- dialect: name" comment), tsql, snowflake, bigquery, mysql (translated to PostgreSQL)').choices(['postgres', 'tsql', 'snowflake', 'bigquery', 'mysql']);
}

function parseSeconds(v: string): number {
  if (!/^\d+(\.\d+)?$/.test(v)) throw new InvalidArgumentError('expected a number of seconds');
  return Number(v);
}

function parsePositive(v: string): number {
  if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError('expected a positive whole number');
  return Number(v);
}

function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function varOption(): Option {
  return new Option('--var <name=value>', 'bind parameter :name to value (repeatable)').argParser(collectVar);
}

/** The program, and the exit code its command's action decided on. */
export function buildProgram(): { program: Command; exitCode: () => number } {
  let code = 0;
  const program = new Command('sqletl')
    .description('Compile PostgreSQL-flavoured SQL ETL jobs to MongoDB aggregation pipelines and run them.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(see --help for usage)')
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      // same prefix as sqletl's own usage errors
      outputError: (s, write) => write(`sqletl: ${s.replace(/^error: /, '')}`),
    })
    // throw instead of process.exit, so main decides the exit code (2 for every usage error)
    .exitOverride()
    .addHelpText('after', PROGRAM_EXAMPLES);

  const runCmd = program
    .command('run')
    .description('run the statements of one or more SQL files in order')
    .argument('<file.sql...>', 'SQL files; relative paths inside (COPY) resolve against the file\'s folder')
    .option('--uri <uri>', 'MongoDB connection string: run on a server (default: $SQLETL_MONGODB_URI or $MONGODB_URI)')
    .option('--db <name>', 'default database for unqualified collection names')
    .option('--data <dir>', 'data directory of the embedded engine when no --uri is given', './data')
    .option('--schema <file>', 'SQL file of CREATE TABLE statements declaring collections\' columns and types')
    .addOption(varOption())
    .addOption(new Option('--percentiles <mode>', 'PERCENTILE_CONT/DISC: exact (as PostgreSQL) or approximate (MongoDB $percentile)').choices(['exact', 'approximate']).default('exact'))
    .addOption(new Option('--on-error <mode>', 'rows that break a table\'s constraints: reject (write the valid rows, send the others to <table>__rejects) or stop (fail the statement before writing)').choices(['reject', 'stop']).default('reject'))
    .option('--dry-run', 'compile and print the commands that would run, without running them')
    .option('--json', 'print one JSON object per statement per line on stdout, nothing else')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(dialectOption())
    .option('--resume <run-id>', 'continue a failed or interrupted run after its last completed statement; edited files run again from the first changed statement (see: sqletl history)')
    .option('--resume-exact <run-id>', 'like --resume, but refuse files that changed since the run')
    .option('--continue-on-error', 'run the remaining statements after a failed one; the run still fails (exit 1)')
    .option('--fail-fast', 'stop at the first failed statement (the default)')
    .option('--report <file>', 'write the whole run (statements, counts, timings, errors) to a JSON file')
    .addOption(new Option('--test <path>', 'after the job succeeds, run the data tests of a file or directory (repeatable; see: sqletl help test)').argParser(collectList))
    .option('--junit <file>', 'with --test: write the tests\' JUnit XML report to this file')
    .option('--allow-missing', 'read a collection that does not exist as empty (default: relation "x" does not exist is an error)')
    .option('--strict-columns', 'sample up to 1,000 documents of each collection without declared columns: a column none of them has is an error (default: NULL)')
    .option('--progress', 'progress on stderr also when it is not a terminal (plain lines)')
    .option('--no-progress', 'no progress on stderr, also on a terminal')
    .option('--no-journal', 'do not record the run in the journal (it cannot be resumed)')
    .addOption(new Option('--wait-lock <seconds>', 'embedded engine: wait this long for another run to release the data directory').argParser(parseSeconds))
    .addHelpText('after', RUN_EXAMPLES)
    .action(async function (this: Command, files: string[]) {
      const opts = this.opts<{ uri?: string; db?: string; data: string; schema?: string; var?: Record<string, Value>; percentiles: 'exact' | 'approximate'; onError: 'reject' | 'stop'; dryRun?: boolean; json?: boolean; quiet?: boolean; resume?: string; continueOnError?: boolean; failFast?: boolean; report?: string; progress?: boolean; journal?: boolean; waitLock?: number; test?: string[]; junit?: string; allowMissing?: boolean; strictColumns?: boolean; resumeExact?: string } & ServerRunFlags>();
      if (opts.resume && opts.resumeExact) throw new SqlEtlError('conflicting-options', 'usage', '--resume and --resume-exact both name a run to continue; give one');
      if (opts.junit && !opts.test) throw new SqlEtlError('conflicting-options', 'usage', '--junit reports the data tests: give --test DIR too');
      if (opts.continueOnError && opts.failFast) throw new SqlEtlError('conflicting-options', 'usage', '--fail-fast and --continue-on-error contradict each other; give one');
      if (opts.resumeExact) opts.resume = opts.resumeExact;
      if (opts.resume && opts.journal === false) throw new SqlEtlError('conflicting-options', 'usage', '--resume reads the journal: it cannot go with --no-journal');
      // --progress/--no-progress: undefined unless given, so a terminal decides
      if (this.getOptionValueSource('progress') !== 'cli') opts.progress = undefined;
      // loaded on demand: --help, --version and usage errors need neither the compiler nor the engines
      const { runCommand } = await import('./run-command.js');
      code = await runCommand(files, { ...opts, var: opts.var ?? {}, resumeEdited: !opts.resumeExact, server: serverRunFlags(opts) }, this.getOptionValueSource('data') === 'cli');
    });
  // the MongoDB options (--max-time-ms, --write-concern, --read-preference, --retries) and --batch-size
  for (const option of serverRunOptions()) runCmd.addOption(option);

  program
    .command('test')
    .description('run data tests: each SELECT of a test file passes when it returns no rows; generic tests from "-- test" comments and declared constraints')
    .argument('<path...>', 'test files, or directories searched for *.sql files')
    .option('--uri <uri>', 'MongoDB connection string (default: $SQLETL_MONGODB_URI or $MONGODB_URI)')
    .option('--db <name>', 'default database for unqualified collection names')
    .option('--data <dir>', 'data directory of the embedded engine when no --uri is given', './data')
    .option('--schema <file>', 'SQL file of CREATE TABLE statements: declared columns, and tests from their NOT NULL, UNIQUE, PRIMARY KEY and CHECK constraints')
    .addOption(varOption())
    .addOption(new Option('--percentiles <mode>', 'PERCENTILE_CONT/DISC: exact (as PostgreSQL) or approximate (MongoDB $percentile)').choices(['exact', 'approximate']).default('exact'))
    .addOption(dialectOption())
    .option('--junit <file>', 'write a JUnit XML report (one <testcase> per test, the failing rows in <failure>)')
    .option('--json', 'print one JSON object per test per line, then a {"summary": …} line')
    .option('-q, --quiet', 'print only failing tests')
    .option('--allow-missing', 'read a collection that does not exist as empty (default: an error)')
    .option('--strict-columns', 'sample up to 1,000 documents of each collection without declared columns: a column none of them has is an error (default: NULL)')
    .addHelpText('after', TEST_EXAMPLES)
    .action(async function (this: Command, paths: string[]) {
      const opts = this.opts<{ uri?: string; db?: string; data: string; schema?: string; var?: Record<string, Value>; percentiles: 'exact' | 'approximate'; dialect?: 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql'; junit?: string; json?: boolean; quiet?: boolean; allowMissing?: boolean; strictColumns?: boolean }>();
      const { testCommand } = await import('./test-command.js');
      code = await testCommand(paths, { ...opts, var: opts.var ?? {} }, this.getOptionValueSource('data') === 'cli');
    });

  program
    .command('history')
    .description('list the runs recorded in the journal of a data directory or database, newest first')
    .option('--uri <uri>', 'MongoDB connection string: read the _sqletl_runs collection (default: $SQLETL_MONGODB_URI or $MONGODB_URI)')
    .option('--db <name>', 'database of the journal (the one `run --db` used)')
    .option('--data <dir>', 'data directory of the embedded engine when no --uri is given', './data')
    .addOption(new Option('--limit <n>', 'show at most n runs').argParser(parsePositive).default(20))
    .option('--json', 'print one JSON object per run per line, with every statement')
    .addHelpText('after', `
Examples:
  $ sqletl history --data ./data                  the last 20 runs as a table
  $ sqletl history --data ./data --json | jq .    full records, statements included
  $ sqletl run job.sql --resume <id>              continue a failed run`)
    .action(async function (this: Command) {
      const opts = this.opts<{ uri?: string; db?: string; data: string; limit: number; json?: boolean }>();
      const { historyCommand } = await import('./history-command.js');
      code = await historyCommand(opts, this.getOptionValueSource('data') === 'cli');
    });

  program
    .command('explain')
    .description('print the MongoDB commands each statement compiles to, without running anything')
    .argument('<file.sql>', 'SQL file')
    .addOption(new Option('--format <format>', 'output format').choices(['shell', 'json']).default('shell'))
    .addOption(new Option('--stage <stage>', 'what to show: the MongoDB commands (pipeline), the logical plan (plan) or the bound IR (ir), as JSON').choices(['pipeline', 'plan', 'ir']).default('pipeline'))
    .option('--db <name>', 'default database for unqualified collection names')
    .option('--schema <file>', 'SQL file of CREATE TABLE statements declaring collections\' columns and types')
    .addOption(varOption())
    .addOption(new Option('--percentiles <mode>', 'PERCENTILE_CONT/DISC: exact (as PostgreSQL) or approximate (MongoDB $percentile)').choices(['exact', 'approximate']).default('exact'))
    .option('--analyze', 'measure each command without writing: per stage documents in/examined/returned, time, index or COLLSCAN, and index suggestions')
    .option('--uri <uri>', 'MongoDB connection string: --analyze runs MongoDB\'s explain there (default: $SQLETL_MONGODB_URI or $MONGODB_URI); also reads the cluster\'s shard keys')
    .option('--data <dir>', '--analyze without a server: the embedded engine\'s data directory', './data')
    .addOption(shardKeyOption())
    .addOption(dialectOption())
    .addHelpText('after', EXPLAIN_EXAMPLES)
    .action(async function (this: Command, file: string) {
      const opts = this.opts<{ format: 'shell' | 'json'; stage: 'ir' | 'plan' | 'pipeline'; db?: string; schema?: string; var?: Record<string, Value>; percentiles: 'exact' | 'approximate'; analyze?: boolean; uri?: string; data?: string; shardKey?: Record<string, string[]> }>();
      const { explainCommand } = await import('./explain-command.js');
      code = await explainCommand(file, { ...opts, var: opts.var ?? {} }, this.getOptionValueSource('data') === 'cli');
    });

  program
    .command('watch')
    .description('keep the derived tables of a job (CREATE TABLE … AS SELECT, INSERT INTO … SELECT) up to date as their sources change')
    .argument('<file.sql>', 'SQL file')
    .option('--uri <uri>', 'MongoDB connection string (a replica set: change streams); default: $SQLETL_MONGODB_URI or $MONGODB_URI')
    .option('--db <name>', 'default database for unqualified collection names')
    .option('--data <dir>', 'data directory of the embedded engine when no --uri is given', './data')
    .option('--schema <file>', 'SQL file of CREATE TABLE statements declaring collections\' columns and types')
    .addOption(varOption())
    .addOption(new Option('--percentiles <mode>', 'PERCENTILE_CONT/DISC: exact (as PostgreSQL) or approximate (MongoDB $percentile)').choices(['exact', 'approximate']).default('exact'))
    .option('--once', 'apply the pending changes, store the position and exit')
    .addOption(new Option('--interval <ms>', 'embedded engine: poll the data files every ms milliseconds').argParser(positiveMs).default(1000))
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Examples:
  $ sqletl watch job.sql --data ./data              follow the data directory's files (Ctrl-C stops)
  $ sqletl watch job.sql --data ./data --once       apply pending changes and exit
  $ sqletl watch job.sql --uri "$URI" --db shop     follow change streams (replica set required)`)
    .action(async function (this: Command, file: string) {
      const opts = this.opts<{ uri?: string; db?: string; data: string; schema?: string; var?: Record<string, Value>; percentiles: 'exact' | 'approximate'; once?: boolean; interval: number; quiet?: boolean }>();
      const { watchCommand } = await import('./watch-command.js');
      code = await watchCommand(file, { ...opts, var: opts.var ?? {} }, this.getOptionValueSource('data') === 'cli');
    });

  return { program, exitCode: () => code };
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { program, exitCode } = buildProgram();
    if (argv.length <= 2) {
      // no command at all: usage on stderr, as for any other usage error
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return exitCode();
  } catch (err) {
    return reportError(err);
  }
}
