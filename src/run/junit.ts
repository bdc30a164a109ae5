import type { TestResult } from './data-tests.js';

/**
 * JUnit XML for `sqletl test --junit FILE` (what GitHub Actions, GitLab and Jenkins
 * test reporters read): one <testsuite> per file, one <testcase> per test, a
 * <failure> holding the failing rows, <error> for a test that could not run,
 * <skipped/> for a derived test of a table that does not exist.
 */
export function junitXml(results: TestResult[], opts: { durationMs: number; describeFailure: (r: TestResult) => string; describeError: (r: TestResult) => string }): string {
  const suites = new Map<string, TestResult[]>();
  for (const r of results) {
    const list = suites.get(r.test.file) ?? [];
    list.push(r);
    suites.set(r.test.file, list);
  }
  const count = (rs: TestResult[], s: TestResult['status']) => rs.filter((r) => r.status === s).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="sqletl test" tests="${results.length}" failures="${count(results, 'fail')}" errors="${count(results, 'error')}" skipped="${count(results, 'skipped')}" time="${seconds(opts.durationMs)}">`,
  );
  for (const [file, rs] of suites) {
    const time = rs.reduce((t, r) => t + r.durationMs, 0);
    lines.push(
      `  <testsuite name="${attr(file)}" tests="${rs.length}" failures="${count(rs, 'fail')}" errors="${count(rs, 'error')}" skipped="${count(rs, 'skipped')}" time="${seconds(time)}">`,
    );
    for (const r of rs) {
      const head = `    <testcase name="${attr(r.test.name)}" classname="${attr(className(file))}" file="${attr(file)}" line="${r.test.line}" time="${seconds(r.durationMs)}"`;
      if (r.status === 'pass') {
        lines.push(`${head}/>`);
        continue;
      }
      lines.push(`${head}>`);
      if (r.status === 'fail') {
        lines.push(`      <failure message="${attr(`${r.rowCount} ${r.rowCount === 1 ? 'row' : 'rows'} returned`)}" type="rows">${text(opts.describeFailure(r))}</failure>`);
      } else if (r.status === 'error') {
        lines.push(`      <error message="${attr(r.error?.message ?? 'error')}" type="${attr((r.error as { code?: string } | undefined)?.code ?? 'error')}">${text(opts.describeError(r))}</error>`);
      } else {
        lines.push(`      <skipped message="${attr(r.reason ?? 'skipped')}"/>`);
      }
      lines.push(`      <system-out>${text(r.test.sql)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** `tests/orders/keys.sql` → `tests.orders.keys` (what reporters group by) */
function className(file: string): string {
  return file.replace(/\.sql$/i, '').replace(/^[./\\]+/, '').replace(/[/\\]+/g, '.') || 'sqletl';
}

/** Characters XML 1.0 cannot hold at all (control characters but tab, newline, return; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(s: string): string {
  return s.replace(INVALID, '\uFFFD');
}

export function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
