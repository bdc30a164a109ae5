import { resolve } from 'node:path';
import { Watch } from '../watch/watch.js';
import { checkDataDir, readInputFile, resolveTarget, type SqlCommandOptions } from './options.js';
import { EXIT_OK, writeErr } from './terminal.js';

/**
 * `sqletl watch <job.sql>`: keeps the job's derived tables up to date as their
 * sources change (src/watch/). Progress goes to stderr, one line per batch.
 * `--once` applies what is pending and exits; otherwise it runs until SIGINT or
 * SIGTERM, which let the batch in progress finish and store its position (exit 0).
 */
export interface WatchCommandOptions extends SqlCommandOptions {
  once?: boolean;
  interval?: number;
  quiet?: boolean;
}

export async function watchCommand(file: string, opts: WatchCommandOptions, dataExplicit: boolean): Promise<number> {
  const text = readInputFile(file, 'SQL file');
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data), dataExplicit });
  if (target.dataDir !== undefined && dataExplicit) checkDataDir(opts.data);
  const progress = opts.quiet ? undefined : (line: string) => writeErr(line);
  const watch = await Watch.open(text, { file, vars: opts.var, schema, db: opts.db, percentiles: opts.percentiles, ...target, intervalMs: opts.interval, onProgress: progress });
  if (opts.once) {
    try {
      await watch.applyPending();
    } catch (err) {
      await watch.close('failed');
      throw err;
    }
    await watch.close('succeeded');
    return EXIT_OK;
  }
  const stop = new AbortController();
  const onSignal = () => {
    progress?.('watch: stopping after the current batch…');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await watch.run(stop.signal);
  } catch (err) {
    await watch.close('failed');
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await watch.close('interrupted');
  progress?.(`watch ${watch.runId}: stopped; position saved (run it again to continue)`);
  return EXIT_OK;
}
