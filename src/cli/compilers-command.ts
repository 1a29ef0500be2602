/**
 * `plainterms compilers add <version…>` installs solc releases from the npm registry into the
 * per-user cache; `plainterms compilers list` shows the bundled release and the installed ones.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { findCompilersFolder, installCompiler, listInstalledCompilers, readBundledVersion } from '../compile/index.ts';
import type { CliOutput } from './order-io.ts';

export function registerCompilersCommand(program: Command, io: CliOutput): Command {
  const compilers = program.command('compilers').description('the solc releases plainterms can use (chosen from each file’s pragma)');
  compilers
    .command('add')
    .description(`install solc releases from the npm registry into ${findCompilersFolder()}`)
    .argument('<version...>', 'exact releases, e.g. 0.7.6 0.5.16')
    .action(async (versions: string[]) => {
      for (const version of versions) {
        const result = await installCompiler(version);
        const folder = path.dirname(result.file);
        if (result.status === 'bundled') io.out(`solc ${result.version} comes with plainterms; nothing to install\n`);
        else if (result.status === 'present') io.out(`solc ${result.version} is already installed in ${folder}\n`);
        else io.out(`installed solc ${result.version} in ${folder}\n`);
      }
    });
  compilers
    .command('list')
    .description('show the bundled solc release and the installed ones')
    .option('--json', 'as JSON')
    .action((options: { json?: boolean }) => {
      const bundled = readBundledVersion();
      const installed = listInstalledCompilers().filter((entry) => entry.version !== bundled);
      if (options.json) {
        io.out(`${JSON.stringify({ bundled, installed: installed.map((entry) => ({ version: entry.version, folder: path.dirname(entry.file) })) }, null, 2)}\n`);
        return;
      }
      const width = Math.max(bundled.length, ...installed.map((entry) => entry.version.length));
      io.out(`${bundled.padEnd(width)}  bundled\n`);
      for (const entry of installed) io.out(`${entry.version.padEnd(width)}  ${path.dirname(entry.file)}\n`);
      if (installed.length === 0) io.out(`(no other release installed; add one with: plainterms compilers add <version>)\n`);
    });
  return compilers;
}
