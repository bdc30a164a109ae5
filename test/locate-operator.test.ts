/**
 * An engine's refusal names an operator; the error the user sees also says which
 * command of the statement and which stage (src/mongo/locate-operator.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeLocation, locateOperator } from '../src/mongo/locate-operator.js';
import type { MongoCommand } from '../src/commands/command-ir.js';
import { run, SqlEtlError } from '../src/index.js';

const cmd: MongoCommand = {
  kind: 'aggregate',
  collection: 'orders',
  pipeline: [
    { $match: { a: 1 } },
    { $set: { note: { $literal: { $documentNumber: 'data, not an operator' } } } },
    { $setWindowFields: { sortBy: { n: 1, k: 1 }, output: { r: { $documentNumber: {} } } } },
  ],
};

describe('locateOperator', () => {
  test('finds the first stage using the operator the message names (never inside $literal)', () => {
    const at = locateOperator(cmd, '$documentNumber must be provided along with a top-level sortBy expression that contains exactly one element');
    expect(at).toEqual({ stage: 3, stageName: '$setWindowFields', operator: '$documentNumber' });
    expect(describeLocation(cmd, 2, at)).toBe('command 2 (aggregate on "orders"), stage 3 ($setWindowFields), operator $documentNumber');
  });
  test('a message naming a stage gives the stage; one naming nothing gives the command only', () => {
    expect(locateOperator(cmd, 'Unrecognized pipeline stage name: $setWindowFields')).toEqual({ stage: 3, stageName: '$setWindowFields' });
    expect(describeLocation(cmd, 1, locateOperator(cmd, 'connection reset'))).toBe('command 1 (aggregate on "orders")');
  });
});

test('a run that the engine refuses says where: command, stage and operator', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-locate-'));
  writeFileSync(join(dir, 't.ndjson'), '{"_id": 1, "x": "abc"}\n');
  const err = await run('SELECT x * 2 AS y FROM t;', { dataDir: dir }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SqlEtlError);
  expect((err as SqlEtlError).message).toMatch(/\$multiply .* — in command 1 \(aggregate on "t"\), stage \d+ \(\$\w+\), operator \$multiply$/);
  expect((err as SqlEtlError).format()).toMatch(/^<sql>:1:1: /);
});
