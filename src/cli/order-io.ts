/**
 * Where the order, hash and erc7730 commands write, so tests can run them in-process: stdout, stderr
 * and the exit code, defaulting to the process's. PlaintermsErrors become a message, a hint and
 * their exit code; anything else is rethrown (a bug, exit 3 by the program).
 */
import { InvalidArgumentError } from 'commander';
import { writeOutput } from './write-output.ts';
import { formatDiagnostic } from '../compile/index.ts';
import { isPlaintermsError } from '../errors.ts';

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

/** Runs a command body, reporting a PlaintermsError as a message and its exit code. */
export async function reportErrors(io: CliOutput, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!isPlaintermsError(error)) throw error;
    const details = error.diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join('');
    io.err(`${details}plainterms: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    io.exit(error.exitCode);
  }
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
