import type { ReadPreferenceMode, WriteConcernSpec } from '../api-types.js';
import { SqlEtlError } from '../errors.js';

/**
 * The MongoDB options of `run` as the user writes them: `--write-concern`,
 * `--read-preference`, `--max-time-ms`, `--retries`, `--batch-size`. Parsing errors
 * are usage errors (exit 2).
 */

export const READ_PREFERENCES: readonly ReadPreferenceMode[] = ['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest'];

/**
 * `w[,j[=true|false]][,wtimeout=MS]`: `majority`, `1`, `0`, a replica-set tag name,
 * `majority,j`, `2,wtimeout=5000`.
 */
export function parseWriteConcern(text: string): WriteConcernSpec {
  const parts = text.split(',').map((p) => p.trim());
  const [w, ...rest] = parts;
  if (!w) throw usage(`--write-concern ${text}: expected w[,j][,wtimeout=MS], e.g. majority or 1`);
  const spec: WriteConcernSpec = { w: /^\d+$/.test(w) ? Number(w) : w };
  for (const p of rest) {
    const [key, value] = p.split('=', 2) as [string, string | undefined];
    if (key === 'j' && (value === undefined || value === 'true')) spec.j = true;
    else if (key === 'j' && value === 'false') spec.j = false;
    else if (key === 'wtimeout' && value !== undefined && /^\d+$/.test(value)) spec.wtimeout = Number(value);
    else throw usage(`--write-concern ${text}: unknown part '${p}' (expected j, j=false or wtimeout=MS)`);
  }
  if (spec.w === 0 && spec.j) throw usage(`--write-concern ${text}: w=0 cannot ask for the journal (j)`);
  return spec;
}

export function parseReadPreference(text: string): ReadPreferenceMode {
  const mode = READ_PREFERENCES.find((m) => m.toLowerCase() === text.toLowerCase());
  if (!mode) throw usage(`--read-preference ${text}: expected one of ${READ_PREFERENCES.join(', ')}`);
  return mode;
}

/** A whole number within bounds, for --max-time-ms, --retries and --batch-size. */
export function parseCount(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw usage(`${option} ${text}: expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
  return Number(text);
}

function usage(message: string): SqlEtlError {
  return new SqlEtlError('bad-option', 'usage', message);
}
