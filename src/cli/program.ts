/**
 * The plainterms command line: one commander program, every command registered on it. It writes only
 * through the given output, so tests run it in-process.
 */
import { Command } from 'commander';
import { readToolVersion } from '../render/package-root.ts';
import { registerCompilersCommand } from './compilers-command.ts';
import { registerDiffCommand } from './diff-command.ts';
import { registerErc7730Command } from './erc7730-command.ts';
import { registerHashCommand } from './hash-command.ts';
import { registerOrderCommand } from './order-command.ts';
import type { CliOutput } from './order-io.ts';
import { registerSummarizeCommand } from './summarize-command.ts';

export function buildProgram(io: CliOutput): Command {
  const program = new Command('plainterms')
    .description('Solidity trade contracts in plain language, each sentence traced to the code')
    .version(readToolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(text) })
    .showHelpAfterError('(run plainterms --help for usage)');
  registerSummarizeCommand(program, io);
  registerDiffCommand(program, io);
  registerHashCommand(program, io);
  registerOrderCommand(program, io);
  registerErc7730Command(program, io);
  registerCompilersCommand(program, io);
  return program;
}
