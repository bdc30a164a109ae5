/**
 * Every code a SqlEtlError may carry, declared once: the code and what it means.
 * Codes are stable kebab-case names that users match on (`--json` output, JUnit
 * `type=`), so a code is never renamed; README "Error codes" lists them.
 * `ErrorCode` is the union of these names: a misspelt code does not compile.
 * Codes that carry parameters (the column, the feature …) type them in ErrorParams.
 */
export const ERROR_CODES = {
  // parse: the SQL text
  'syntax-error': 'the SQL does not parse (in a foreign dialect: its grammar rejects it)',
  'statement-too-complex': 'a statement nested too deeply for the parser',
  'invalid-character': 'a character that is not allowed in SQL text (e.g. a NUL byte)',
  'invalid-utf8': 'the SQL file is not valid UTF-8',
  'parameter-name-too-short': 'a one-letter :parameter name in a file with too many parameters',
  'unknown-dialect': 'a `-- dialect:` directive names an unknown dialect',

  // bind: names and types
  'unsupported-sql': 'valid SQL that sqletl does not support (yet); the feature is named',
  'undefined-column': 'a column that no relation in scope has',
  'undefined-table': 'a relation (table, view, collection, FROM-clause entry) that does not exist',
  'undefined-function': 'a function or operator that does not exist for these argument types',
  'undefined-window': 'OVER names a window that is not defined',
  'ambiguous-column': 'an unqualified column name that more than one relation in scope has',
  'unknown-type': 'a type name sqletl does not know',
  'unknown-view': 'REFRESH MATERIALIZED VIEW of a view not defined in the job',
  'unsafe-field-name': 'a field name that cannot be a MongoDB document path',
  'no-from': 'SELECT * with no FROM clause',
  'wrong-arguments': 'a function called with the wrong number or kind of arguments',
  'invalid-argument': 'an argument value out of its domain (e.g. ntile(0), a percentile above 1)',
  'datatype-mismatch': 'an expression of the wrong type (e.g. a non-boolean WHERE)',
  'invalid-literal': 'a literal that is not a valid value of its type',
  'numeric-out-of-range': 'a number literal beyond what a double holds',
  'numeric-value-out-of-range': 'a value out of range for its type (bind: a literal; run: a computed value)',
  'invalid-escape': 'a LIKE or SIMILAR TO ESCAPE string longer than one character',
  'aggregate-not-allowed': 'an aggregate function where none is allowed (e.g. in WHERE or GROUP BY)',
  'window-not-allowed': 'a window function where none is allowed',
  'not-an-aggregate': 'DISTINCT, FILTER, ORDER BY or * in the call of a function that is not an aggregate',
  'within-group-required': 'an ordered-set aggregate without WITHIN GROUP',
  'window-partition': 'a window that overrides the PARTITION BY of the window it names',
  'invalid-frame': 'an invalid window frame (e.g. a negative offset)',
  'bad-ordinal': 'a GROUP BY, ORDER BY or DISTINCT ON position that is not in the select list',
  'negative-limit': 'a negative LIMIT or OFFSET',
  'invalid-distinct-on': 'DISTINCT ON expressions that do not lead the ORDER BY',
  'setop-columns': 'UNION/INTERSECT/EXCEPT queries with different numbers of columns',
  'invalid-recursion': 'a WITH RECURSIVE query of a form PostgreSQL rejects (no UNION, its recursive reference in a subquery, an outer join or twice, mutual recursion)',
  'subquery-columns': 'a scalar subquery that does not return exactly one column',
  'too-many-aliases': 'more column aliases than the relation has columns',
  'duplicate-alias': 'two FROM items of one query level with the same name (table name "x" specified more than once)',
  'values-width': 'VALUES rows of different lengths',
  'insert-columns': 'INSERT with a different number of target columns and values',
  'conflict-target': 'an ON CONFLICT target missing, or not the table\'s key',
  'conflict-undeclared': 'ON CONFLICT on a table whose key columns are not declared',
  'copy-columns': 'COPY FROM a CSV file without known columns',
  'copy-option': 'a COPY option that is invalid or does not fit the source',
  'missing-variable': 'a :name parameter without a value (--var name=value)',
  'positional-parameter': 'a $1-style positional parameter (use :name)',
  'invalid-setting': 'SET with an invalid value',

  // plan: query structure
  'not-grouped': 'a column neither grouped nor inside an aggregate',
  'grouping-argument': 'a GROUPING() argument that is not a grouping expression',
  'nested-window': 'a window function call inside another',
  'distinct-order-by': 'SELECT DISTINCT ordered by an expression not in the select list',
  'not-watchable': 'a statement `sqletl watch` cannot keep up to date',
  'nothing-to-watch': 'a watched job without a statement a watch can keep up to date',

  // lower: MongoDB commands
  'invalid-aggregate': 'an aggregate with DISTINCT ordered by an expression outside its arguments',
  'invalid-parameter-value': 'an invalid argument value (e.g. a bad format() specifier); also raised at run time',
  'invalid-regular-expression': 'a regular expression that is not valid',
  'cross-database': 'a statement that joins or unions collections of different databases',
  'server-rule': 'a command MongoDB would reject (a rule mingo does not enforce)',
  'server-limit': 'a command beyond a MongoDB server limit (nesting depth, stage count)',
  'internal': 'a case the compiler or an engine does not expect (a bug: please report it)',

  // run: engines, data
  'engine-error': 'the engine (MongoDB or embedded) rejected a command',
  'transient-error': 'a MongoDB error that stayed transient after the retries',
  'connect-failed': 'cannot connect to the MongoDB server',
  'statement-failed': 'a statement failed with an error that is not a SqlEtlError',
  'interrupted': 'the run was interrupted (signal or abort) and can be resumed',
  'recursion-limit': 'a WITH RECURSIVE query still producing rows after sqletl.max_recursion iterations',
  'already-exists': 'CREATE of a relation that already exists',
  'constraint-violation': 'a write that breaks a check of its statement (e.g. a declared NOT NULL or key)',
  'dry-run-check': 'a --dry-run check failed (a COPY source unreadable, a collection missing)',
  'bad-collection-name': 'a collection or database name that is not valid',
  'change-stream-failed': 'the MongoDB change stream of a watch failed',
  'resume-token-lost': 'a watch position the change stream can no longer resume from',
  'internal-error': 'an error that is not a SqlEtlError (in --json output and data tests)',
  // run: PostgreSQL's data errors raised inside pipelines (SQLSTATE class 22 and 0A)
  'division-by-zero': 'division by zero',
  'invalid-text-representation': 'a text value that does not convert to the type (e.g. "N/A"::int)',
  'datetime-field-overflow': 'a date/time field value out of range (e.g. 2024-02-30)',
  'invalid-datetime-format': 'a text value that does not match the date/time format',
  'invalid-argument-for-logarithm': 'the logarithm of zero or a negative number',
  'invalid-argument-for-power-function': 'zero raised to a negative power, or a negative number to a fractional one',
  'feature-not-supported': 'a value sqletl cannot compute as PostgreSQL does (raised at run time)',
  'cardinality-violation': 'a scalar subquery that returns more than one row (PostgreSQL\'s SQLSTATE 21000)',
  'substring-error': 'a substring position or length out of its domain (e.g. OVERLAY … FROM 0)',

  // io: files, data directory, COPY
  'bad-data-dir': 'the data directory does not exist or is not a directory',
  'bad-data-file': 'a collection file in the data directory that cannot be read',
  'data-dir-lock': 'cannot create the data directory lock',
  'data-dir-locked': 'the data directory is in use by another sqletl run',
  'recovery-failed': 'cannot finish the interrupted writes of an earlier run',
  'duplicate-id': 'two documents with the same _id in a watched collection file',
  'copy-missing-file': 'a COPY source file that cannot be read',
  'copy-bad-file': 'a COPY source that is not a valid file of its format',
  'copy-bad-row': 'a COPY row with missing or extra columns',
  'copy-no-columns': 'COPY TO a parquet file without columns',
  'copy-duplicate-column': 'COPY TO a parquet file with two columns of one name',
  'copy-parquet-stdout': 'COPY TO STDOUT in parquet format',
  'copy-write-failed': 'a COPY TO file that cannot be written',
  'copy-http-failed': 'a COPY http(s) request failed',
  'copy-http-status': 'a COPY http(s) request answered with an error status',
  'copy-http-timeout': 'a COPY http(s) request without a response in time',
  'copy-http-body': 'a COPY http(s) response without the expected rows',
  'copy-http-loop': 'COPY http(s) pagination that comes back to a page already read',

  // usage: command line, test files
  'conflicting-options': 'options that cannot be combined',
  'bad-option': 'an option value that is not valid',
  'bad-uri': 'a MongoDB connection string that is not valid',
  'bad-resume': '--resume of a run that cannot be resumed',
  'input-is-directory': 'an input file that is a directory',
  'input-not-readable': 'an input file that cannot be read',
  'replica-set-required': 'sqletl watch on a MongoDB server without change streams',
  'watch-dialect': 'sqletl watch of a job in a foreign dialect',
  'watch-view-source': 'sqletl watch of a statement that reads a view',
  'no-tests': 'sqletl test found no tests',
  'not-a-test': 'a statement in a test file that cannot be a test',
  'bad-test-declaration': 'a `-- test` declaration that is not valid',
} as const satisfies Record<string, string>;

/** A SqlEtlError's code: one of ERROR_CODES. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The parameters of the codes that carry them (in `SqlEtlError.params` and in the
 * `--json` error objects): the name the message is about, as written in the SQL.
 * A code listed here must be given its parameters; other codes have none.
 */
export interface ErrorParams {
  'unsupported-sql': { /** what is not supported, as the message names it */ feature: string };
  'undefined-column': { column: string; /** the relation named in the message, when there is one */ relation?: string };
  'undefined-table': { table: string };
  'undefined-function': { /** the function name, or the operator and its operand types */ function: string };
  'ambiguous-column': { column: string };
}

/** The parameters of code C (undefined for a code without parameters). */
export type ErrorParamsOf<C extends ErrorCode> = C extends keyof ErrorParams ? ErrorParams[C] : undefined;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
