import type { Engine } from '../engine/engine.js';
import type { AggregateCommand, MongoCommand } from '../commands/command-ir.js';
import { SqlEtlError } from '../errors.js';

type LoopCommand = Extract<MongoCommand, { kind: 'loop' }>;

/**
 * Runs a fixpoint loop (WITH RECURSIVE, lower-recursive.ts): `init` once, then `body`
 * while `until` returns a document and `enough` (when given) returns none. Each command is an ordinary aggregate the engine
 * runs (and retries) on its own; the loop only decides whether to go on. The loop's
 * collections are the statement's stage collections, dropped by its cleanup commands
 * whether the loop ends or fails.
 */
export async function runLoop(engine: Engine, loop: LoopCommand, stopIfAborted: () => void): Promise<void> {
  // an engine's error says which of the loop's commands failed (explain prints them in this order)
  const run = async (cmd: AggregateCommand, where: string) => {
    try {
      return await engine.aggregate(cmd);
    } catch (err) {
      if (err instanceof SqlEtlError && err.code === 'engine-error') err.message += ` (in the loop's ${where})`;
      throw err;
    }
  };
  for (const [i, cmd] of loop.init.entries()) await run(cmd, `first command ${i + 1}`);
  for (let pass = 0; ; pass++) {
    stopIfAborted();
    const more = await run(loop.until, 'check for rows');
    if (more.length === 0) return;
    if (loop.enough && (await run(loop.enough, 'check for enough rows')).length > 0) return;
    if (pass === loop.maxIterations) {
      throw new SqlEtlError('recursion-limit', 'run', `recursive query "${loop.name}" is still producing rows after ${loop.maxIterations} iterations`, {
        span: loop.span,
        hints: ['a recursion that does not end (a cycle under UNION ALL?), or a deeper one: raise the limit with SET sqletl.max_recursion = <iterations>'],
      });
    }
    for (const [i, cmd] of loop.body.entries()) await run(cmd, `repeated command ${i + 1}`);
  }
}
