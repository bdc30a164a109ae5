import { MongoError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import type { RetrySafety } from '../commands/retry-safety.js';

/**
 * Transient MongoDB errors and the retry loop of the MongoDB engine: exponential
 * backoff with jitter, and never a retry that could apply a write twice.
 *
 * A transient error leaves a command in one of two states:
 * - `not-started`: the server never began it (no server could be selected, the
 *   connection pool was cleared before checkout, the driver labelled it
 *   NoWritesPerformed, or a node that is not the primary refused it — sqletl sends
 *   every write, and every read of a statement's own stage collection, to the
 *   primary, which checks that it is primary before executing anything). Any
 *   command may be sent again.
 * - `unknown-outcome`: it may have been partly applied (a network error or a
 *   step-down in the middle). Only commands that `retrySafety` proves idempotent
 *   are sent again; the others fail with the reason, rather than risk duplicate rows.
 */

/** Server error codes that mean "try again" (from the server's error_codes.yml and the drivers' retryability spec). */
export const TRANSIENT_CODES: Record<number, string> = {
  6: 'HostUnreachable',
  7: 'HostNotFound',
  64: 'WriteConcernFailed',
  89: 'NetworkTimeout',
  91: 'ShutdownInProgress',
  134: 'ReadConcernMajorityNotAvailableYet',
  189: 'PrimarySteppedDown',
  262: 'ExceededTimeLimit',
  9001: 'SocketException',
  10107: 'NotWritablePrimary',
  11600: 'InterruptedAtShutdown',
  11602: 'InterruptedDueToReplStateChange',
  13435: 'NotPrimaryNoSecondaryOk',
  13436: 'NotPrimaryOrSecondary',
};

/** Refused by a node that is not (or no longer) the primary, before executing anything. */
const REFUSED_BEFORE_START = new Set([10107, 13435, 13436]);

/** Error labels the server or driver attaches to errors worth retrying. */
export const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResetPool'];

export type Transience = 'not-started' | 'unknown-outcome';

/** Whether an error is transient, and whether the command can have run; undefined: not transient. */
export function classifyError(err: unknown): Transience | undefined {
  if (!(err instanceof MongoError)) return undefined;
  if (err.hasErrorLabel('NoWritesPerformed')) return 'not-started';
  if (err instanceof MongoServerSelectionError) return 'not-started';
  if (err.name === 'MongoPoolClearedError' || err.name === 'MongoWaitQueueTimeoutError') return 'not-started';
  const code = typeof err.code === 'number' ? err.code : undefined;
  if (code !== undefined && REFUSED_BEFORE_START.has(code)) return 'not-started';
  if (err instanceof MongoNetworkError) return 'unknown-outcome';
  if (code !== undefined && code in TRANSIENT_CODES) return 'unknown-outcome';
  if (TRANSIENT_LABELS.some((l) => err.hasErrorLabel(l))) return 'unknown-outcome';
  return undefined;
}

export interface RetryPolicy {
  /** retries after the first attempt (default 3) */
  retries: number;
  /** first backoff in ms (default 200); doubles each retry, capped at `maxDelayMs` */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** called before each retry (for a log line or a test) */
  onRetry?: (info: { attempt: number; delayMs: number; error: Error; transience: Transience }) => void;
}

/** The delay before retry `attempt` (1-based): half fixed, half random ("equal jitter"), so clients that failed together spread out. */
export function backoffDelay(attempt: number, base = 200, max = 10_000, random = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Why a transient error ended the command: retries used up, or a retry would be unsafe. */
export class RetryStopped extends Error {
  constructor(readonly error: Error, readonly attempts: number, readonly unsafe?: string) {
    super(error.message);
    this.name = 'RetryStopped';
  }
}

/**
 * Runs `attempt` until it succeeds, a non-transient error occurs (thrown as is), or
 * retrying stops (thrown as RetryStopped). `attempt` receives the attempt number
 * (0 first), so DDL can accept what an earlier attempt did.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, safety: RetrySafety, policy: RetryPolicy): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const transience = classifyError(err);
      if (!transience) throw err;
      if (transience === 'unknown-outcome' && !safety.safe) throw new RetryStopped(err as Error, n + 1, safety.why);
      if (n >= policy.retries) throw new RetryStopped(err as Error, n + 1);
      const delayMs = backoffDelay(n + 1, policy.baseDelayMs, policy.maxDelayMs);
      policy.onRetry?.({ attempt: n + 1, delayMs, error: err as Error, transience });
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
