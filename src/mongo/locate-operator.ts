import type { Document, MongoCommand } from '../commands/command-ir.js';
import { walkKeys } from './walk-keys.js';

/**
 * Where in a command an engine's error points: the server's (or mingo's) message
 * names operators (`$documentNumber must be provided along with …`, `$multiply only
 * supports numeric types`) but not the stage, and a statement can be several commands
 * of dozens of stages. This finds the first stage that uses the operator the message
 * names, so the error the user sees says "stage 4 ($setWindowFields), operator
 * $documentNumber" and `sqletl explain` shows exactly which part of the SQL made it.
 */
export interface OperatorLocation {
  /** 1-based stage number in the command's pipeline (or update pipeline) */
  stage?: number;
  stageName?: string;
  operator?: string;
}

export function locateOperator(cmd: MongoCommand, message: string): OperatorLocation {
  const pipeline: Document[] = cmd.kind === 'aggregate' || cmd.kind === 'createView' ? cmd.pipeline : cmd.kind === 'updateMany' ? cmd.update : [];
  const named = [...new Set(message.match(/\$[A-Za-z][A-Za-z0-9]*/g) ?? [])];
  for (const op of named) {
    const i = pipeline.findIndex((stage) => Object.keys(stage)[0] === op || uses(stage, op));
    if (i < 0) continue;
    const stageName = Object.keys(pipeline[i])[0];
    return { stage: i + 1, stageName, ...(stageName === op ? {} : { operator: op }) };
  }
  return {};
}

/** Does `op` appear as a key anywhere in `v` (outside `$literal` data)? */
function uses(v: unknown, op: string): boolean {
  let found = false;
  walkKeys(v, (k) => (found = k === op));
  return found;
}

/** "command 2 (aggregate on "orders"), stage 4 ($setWindowFields), operator $documentNumber" */
export function describeLocation(cmd: MongoCommand, commandNumber: number, at: OperatorLocation): string {
  const target = 'collection' in cmd && cmd.collection ? ` on "${cmd.collection}"` : '';
  const parts = [`command ${commandNumber} (${cmd.kind}${target})`];
  if (at.stage) parts.push(`stage ${at.stage} (${at.stageName})`);
  if (at.operator) parts.push(`operator ${at.operator}`);
  return parts.join(', ');
}
