import { SqlEtlError } from '../errors.js';
import { DIALECT_TITLE, type Dialect } from './dialects.js';

/**
 * Errors found after translation (binding, lowering) speak PostgreSQL's terms;
 * for a script in another dialect they get a hint naming the dialect, so a
 * message such as "function farm_fingerprint(…) does not exist" reads as what
 * sqletl supports in that dialect.
 */
export function nameDialect(err: unknown, dialect: Dialect | undefined): unknown {
  if (!dialect || dialect === 'postgres' || !(err instanceof SqlEtlError)) return err;
  const title = DIALECT_TITLE[dialect];
  if (err.message.includes(title) || err.hints.some((h) => h.includes(`--dialect ${dialect}`))) return err;
  err.hints.push(`${title} (--dialect ${dialect}) is translated to PostgreSQL before this check; the README's Dialects section lists what is supported`);
  return err;
}

export function namingDialect<T>(dialect: Dialect | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw nameDialect(err, dialect);
  }
}
