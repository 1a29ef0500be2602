/**
 * Errors that reach a user. Each has a code (a string union, so programs can branch on it), a short
 * message for people, an optional hint saying what to do, and optional diagnostics with locations.
 * The CLI turns them into exit codes: input errors exit 1, usage errors 2, anything else 3.
 */

export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'NOT_SOLIDITY'
  | 'COMPILE_ERROR'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_OUTSIDE_ROOTS'
  | 'PATH_OUTSIDE_ROOTS'
  | 'BROKEN_LINK'
  | 'UNKNOWN_CONTRACT'
  | 'AMBIGUOUS_CONTRACT'
  | 'NO_CONTRACT'
  | 'COMPILER_NOT_INSTALLED'
  | 'BAD_CALLDATA'
  | 'BAD_INPUT'
  | 'SOURCE_TOO_LARGE'
  | 'CHAIN_ERROR'
  | 'OUTPUT_NOT_WRITABLE'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_FAILED'
  | 'USAGE';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Display path of the file, relative to the working directory where possible. */
  path: string | null;
  line: number | null;
  column: number | null;
  message: string;
  /** The offending source line and a caret under the column, ready to print; null if unknown. */
  excerpt: string | null;
}

export class PlaintermsError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | null;
  readonly diagnostics: Diagnostic[];

  constructor(code: ErrorCode, message: string, options: { hint?: string; diagnostics?: Diagnostic[] } = {}) {
    super(message);
    this.name = 'PlaintermsError';
    this.code = code;
    this.hint = options.hint ?? null;
    this.diagnostics = options.diagnostics ?? [];
  }

  /** Exit code for the CLI: 2 for usage errors (a PDF asked for with no browser to print it is one), 1 for every other bad input. */
  get exitCode(): 1 | 2 {
    return this.code === 'USAGE' || this.code === 'BROWSER_NOT_FOUND' ? 2 : 1;
  }
}

export function fail(code: ErrorCode, message: string, options: { hint?: string; diagnostics?: Diagnostic[] } = {}): never {
  throw new PlaintermsError(code, message, options);
}

export function assertInput(condition: unknown, code: ErrorCode, message: string, hint?: string): asserts condition {
  if (!condition) fail(code, message, hint === undefined ? {} : { hint });
}

export function isPlaintermsError(error: unknown): error is PlaintermsError {
  return error instanceof PlaintermsError;
}
