/** Runs one of the order commands in-process, capturing stdout, stderr and the exit code. */
import { Command } from 'commander';
import type { CliOutput } from '../../src/cli/order-io.ts';
import { repo } from './contracts.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function runCommand(register: (program: Command, io: CliOutput) => Command, argv: string[]): Promise<CommandResult> {
  const result: CommandResult = { stdout: '', stderr: '', code: 0 };
  const io: CliOutput = { out: (text) => void (result.stdout += text), err: (text) => void (result.stderr += text), exit: (code) => void (result.code = code) };
  const program = new Command().name('plainterms').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  register(program, io);
  const cwd = process.cwd();
  process.chdir(repo);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const exitCode = (error as { exitCode?: number }).exitCode;
    if (typeof exitCode !== 'number') throw error;
    result.code = exitCode;
  } finally {
    process.chdir(cwd);
  }
  return result;
}
