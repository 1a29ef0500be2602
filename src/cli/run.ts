/**
 * Runs the command line in-process and returns the exit code: 0 done; 1 the input is wrong; 2 a usage
 * error; 3 an internal error (a bug). The only place that decides exit codes.
 */
import { CommanderError } from 'commander';
import { isPlaintermsError } from '../errors.ts';
import { type CliOutput, formatInputError } from './order-io.ts';
import { buildProgram } from './program.ts';

export type { CliOutput } from './order-io.ts';

const ISSUES_URL = 'https://github.com/plainterms/plainterms/issues';
/** Commander's ways of finishing without an error: help and version. */
const DONE_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version', 'commander.executeSubCommandAsync']);

export async function runCli(argv: string[], io: CliOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let code = 0;
  const output: CliOutput = { out: io.out, err: io.err, exit: (value) => (code = Math.max(code, value)) };
  const restore = consoleToErr(io);
  try {
    await (await buildProgram(output, argv)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return DONE_CODES.has(error.code) ? 0 : 2;
    if (isPlaintermsError(error)) {
      io.err(formatInputError(error, asJson(argv)));
      return error.exitCode;
    }
    io.err(describeInternalError(error, env.PLAINTERMS_DEBUG === '1'));
    return 3;
  } finally {
    restore();
  }
}

/**
 * Only the document goes to stdout: while a command runs, what libraries print through the console
 * (ethers' "[Warning] Invalid Fragment", say) goes to the error stream, so `--format json` stays valid JSON.
 */
function consoleToErr(io: CliOutput): () => void {
  const levels = ['log', 'info', 'warn', 'debug'] as const;
  const saved = levels.map((level) => console[level]);
  for (const level of levels) console[level] = (...args: unknown[]) => io.err(`${args.map(String).join(' ')}\n`);
  return () => levels.forEach((level, i) => (console[level] = saved[i]!));
}

/** True when the run asked for JSON (`--format json`): its errors are JSON too. */
function asJson(argv: string[]): boolean {
  return argv.some((arg, index) => arg === '--format=json' || (arg === '--format' && argv[index + 1] === 'json'));
}

function describeInternalError(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  const rerun = debug ? '' : 'Run again with PLAINTERMS_DEBUG=1 to see the stack trace.\n';
  return `plainterms: internal error: ${message}\nThis is a bug in plainterms; please report it at ${ISSUES_URL} with the command you ran.\n${rerun}${stack}`;
}
