/**
 * Where the order, hash and erc7730 commands write, so tests can run them in-process: stdout, stderr
 * and the exit code, defaulting to the process's. PlaintermsErrors become a message, a hint and
 * their exit code; anything else is rethrown (a bug, exit 3 by the program).
 */
import { InvalidArgumentError } from 'commander';
import { writeOutput } from './write-output.ts';
import { formatDiagnostic } from '../compile/index.ts';
import { isPlaintermsError, type PlaintermsError } from '../errors.ts';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
}

export const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
};

/** Writes the text to the file, or to stdout. */
export function emit(io: CliOutput, text: string, file?: string): void {
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  if (file) writeOutput(file, ended);
  else io.out(ended);
}

/**
 * Runs a command body, reporting a PlaintermsError as a message (a JSON object when the command was asked
 * for JSON) and its exit code, at least `minimumCode` (`diff --exit-code` keeps 1 for "the terms differ").
 */
export async function reportErrors(io: CliOutput, body: () => Promise<void>, options: { json?: boolean; minimumCode?: number } = {}): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!isPlaintermsError(error)) throw error;
    io.err(formatInputError(error, options.json ?? false));
    io.exit(Math.max(error.exitCode, options.minimumCode ?? 1));
  }
}

/** An input error for people (located diagnostics, the message, a hint), or as one JSON object for programs: `{"error": {code, message, path, line, column, hint}}`. */
export function formatInputError(error: PlaintermsError, json: boolean): string {
  if (json) {
    const located = error.diagnostics.find((diagnostic) => diagnostic.path !== null) ?? null;
    const body = { code: error.code, message: error.message, path: located?.path ?? null, line: located?.line ?? null, column: located?.column ?? null, hint: error.hint };
    return `${JSON.stringify({ error: body })}\n`;
  }
  const details = error.diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join('');
  return `${details}plainterms: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`;
}

/** `--rpc-timeout 30`: a positive number of seconds. */
export function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds, e.g. 30');
  return seconds;
}

/** `--max-source-bytes 10000000`: a positive whole number of bytes. */
export function parseBytes(text: string): number {
  const bytes = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new InvalidArgumentError('expected a positive whole number of bytes, e.g. 10000000');
  return bytes;
}
