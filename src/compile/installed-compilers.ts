/**
 * solc releases installed in the per-user cache (`<cache>/compilers/<version>/soljson.js`), and
 * loading one. Each soljson.js is wrapped by the bundled solc-js wrapper, which speaks standard JSON
 * to every release from 0.4 on; a loaded release is kept for the life of the process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import semver from 'semver';
import { fail } from '../errors.ts';
import { findCompilersFolder } from './cache-dir.ts';
import { preferBaselineWasm, type SolcCompiler } from './compiler.ts';

export interface InstalledCompiler {
  /** '0.7.6' */
  version: string;
  /** The soljson.js file. */
  file: string;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, SolcCompiler>();

/** Installed releases, newest first. */
export function listInstalledCompilers(folder: string = findCompilersFolder()): InstalledCompiler[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => semver.valid(name) === name && existsSync(path.join(folder, name, 'soljson.js')))
    .sort(semver.rcompare)
    .map((version) => ({ version, file: path.join(folder, version, 'soljson.js') }));
}

export function findInstalledCompiler(version: string, folder: string = findCompilersFolder()): InstalledCompiler | null {
  return listInstalledCompilers(folder).find((installed) => installed.version === version) ?? null;
}

/** Load an installed release (once per process) and check it is the release its folder says. */
export function loadInstalledCompiler(installed: InstalledCompiler): SolcCompiler {
  const known = loaded.get(installed.file);
  if (known !== undefined) return known;
  preferBaselineWasm();
  const wrap = require('solc/wrapper.js') as (soljson: unknown) => SolcCompiler;
  const compiler = wrap(withoutAsmJsWarnings(() => require(installed.file)));
  if (!compiler.version().startsWith(`${installed.version}+`)) {
    fail('COMPILER_NOT_INSTALLED', `${installed.file} is solc ${compiler.version()}, not ${installed.version}`, {
      hint: `remove the folder ${path.dirname(installed.file)} and run: plainterms compilers add ${installed.version}`,
    });
  }
  loaded.set(installed.file, compiler);
  return compiler;
}

/** Old asm.js builds make V8 print "Invalid asm.js" warnings on load; they say nothing to users. */
function withoutAsmJsWarnings<T>(load: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/asm\.js/i.test(text)) return;
    emitWarning.call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emitWarning;
  }
}
