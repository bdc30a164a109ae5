import { SqlEtlError } from '../errors.js';
import { DIALECTS, isDialect, type Dialect } from './dialects.js';

/**
 * A script may name its dialect in its leading comments, `-- dialect: tsql`, so a
 * file written for SQL Server runs without --dialect. The --dialect option (or the
 * library's `dialect`) wins over the comment.
 */
export function dialectDirective(sql: string): Dialect | undefined {
  let offset = 0;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('--')) return undefined; // the header ends at the first statement line
    const m = /^--\s*dialect\s*:\s*(\S+)\s*$/i.exec(trimmed);
    if (m) {
      const name = m[1].toLowerCase();
      if (!isDialect(name)) {
        const at = offset + line.indexOf(m[1]);
        throw new SqlEtlError('unknown-dialect', 'parse', `unknown dialect "${m[1]}"`, { span: { start: at, end: at + m[1].length }, hints: [`one of: ${DIALECTS.join(', ')}`] });
      }
      return name;
    }
    offset += line.length + 1;
  }
  return undefined;
}
