/**
 * The plainterms command line: one commander program, every command registered on it. It writes only
 * through the given output, so tests run it in-process. A command's module is loaded only when that
 * command runs (or for help): orders and the chain layer bring ethers, whose loading alone takes longer
 * than many a summary.
 */
import { Command } from 'commander';
import { readToolVersion } from '../render/package-root.ts';
import type { CliOutput } from './order-io.ts';

type Register = (program: Command, io: CliOutput) => unknown;

const COMMANDS: Record<string, () => Promise<Register>> = {
  summarize: async () => (await import('./summarize-command.ts')).registerSummarizeCommand,
  diff: async () => (await import('./diff-command.ts')).registerDiffCommand,
  hash: async () => (await import('./hash-command.ts')).registerHashCommand,
  order: async () => (await import('./order-command.ts')).registerOrderCommand,
  erc7730: async () => (await import('./erc7730-command.ts')).registerErc7730Command,
  compilers: async () => (await import('./compilers-command.ts')).registerCompilersCommand,
};

/** The program with the command named in `argv` registered, or every command when none is named (help). */
export async function buildProgram(io: CliOutput, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('plainterms')
    .description('Solidity trade contracts in plain language, each sentence traced to the code')
    .version(readToolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(text) })
    .showHelpAfterError('(run plainterms --help for usage)')
    // Read by the process that runs the command (main.ts), which stops it when the time is up.
    .option('--timeout <seconds>', 'stop and fail after this many seconds', '600');
  const named = argv.find((arg, index) => !arg.startsWith('-') && argv[index - 1] !== '--timeout');
  const wanted = named && named !== 'help' && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]!())(program, io);
  return program;
}
