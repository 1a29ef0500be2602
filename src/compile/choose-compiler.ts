/**
 * Which solc compiles a set of sources: the one the caller gives, else the release asked for by name,
 * else the bundled solc when it satisfies every `pragma solidity`, else the installed release that
 * fits best (see preferredRelease). Nothing is loaded here, so a cache hit never pays for loading a compiler.
 */
import semver from 'semver';
import { fail, type Diagnostic } from '../errors.ts';
import { buildExcerpt } from './diagnostics.ts';
import { loadCompiler, readBundledVersion, readCompilerVersion, type SolcCompiler } from './compiler.ts';
import { findInstalledCompiler, listInstalledCompilers, loadInstalledCompiler, type InstalledCompiler } from './installed-compilers.ts';
import { preferredRelease, parsePragmaRange, satisfiesAll, suggestRelease } from './solc-releases.ts';
import { scanSource } from './source-scan.ts';

/** The version pragmas of one source file, as written, and where the first one is. */
export interface SourcePragmas {
  path: string;
  pragmas: string[];
  /** The first pragma's line number and text, to point at it. */
  line?: { number: number; text: string } | null;
}

/** The pragmas of a source, ready for chooseCompiler. */
export function readSourcePragmas(path: string, content: string): SourcePragmas {
  const { pragmas, pragmaLine } = scanSource(content);
  return { path, pragmas, line: pragmaLine === null ? null : { number: pragmaLine, text: content.split('\n')[pragmaLine - 1].replace(/\r$/, '') } };
}

export type CompilerChoice =
  | { kind: 'bundled'; version: string }
  | { kind: 'installed'; version: string; installed: InstalledCompiler }
  | { kind: 'given'; version: string; compiler: SolcCompiler };

export interface ChooseOptions {
  compiler?: SolcCompiler;
  /** An exact release, as `--solc 0.6.12`. */
  solcVersion?: string;
  /** Default `<cache>/compilers`. */
  compilersFolder?: string;
}

export function chooseCompiler(sources: SourcePragmas[], options: ChooseOptions = {}): CompilerChoice {
  if (options.compiler !== undefined) {
    return { kind: 'given', version: readCompilerVersion(options.compiler).split('+')[0], compiler: options.compiler };
  }
  const bundled = readBundledVersion();
  if (options.solcVersion !== undefined) return chooseNamedRelease(options.solcVersion, bundled, options.compilersFolder);

  const ranges = sources.flatMap((source) => source.pragmas.map(parsePragmaRange)).filter((range) => range !== null);
  if (satisfiesAll(bundled, ranges)) return { kind: 'bundled', version: bundled };
  const installed = listInstalledCompilers(options.compilersFolder);
  const version = preferredRelease(installed.map((entry) => entry.version), ranges);
  if (version !== null) return { kind: 'installed', version, installed: installed.find((entry) => entry.version === version)! };

  const suggestion = suggestRelease(ranges);
  if (suggestion === null) {
    fail('COMPILE_ERROR', 'no solc release satisfies the version pragmas of all these files together', {
      hint: 'each file below asks for a different compiler: summarize them one by one (plainterms summarize <folder> -o <out>/ does), or align their pragmas',
      diagnostics: describePragmas(sources),
    });
  }
  const wanted = sources.filter((source) => source.pragmas.some((pragma) => !satisfiesAll(bundled, [parsePragmaRange(pragma)].filter((r) => r !== null))));
  fail('COMPILER_NOT_INSTALLED', `${wanted.map((source) => source.path).join(', ')} ${wanted.length === 1 ? 'needs' : 'need'} solc ${describeRanges(wanted)}; the bundled solc is ${bundled}`, {
    hint: `install solc ${suggestion} once with: plainterms compilers add ${suggestion}`,
    diagnostics: describePragmas(wanted),
  });
}

export async function loadChosenCompiler(choice: CompilerChoice): Promise<SolcCompiler> {
  if (choice.kind === 'given') return choice.compiler;
  if (choice.kind === 'installed') return loadInstalledCompiler(choice.installed);
  return loadCompiler();
}

/**
 * The release a build was made with, to compile it again as it was: bundled or installed, else
 * COMPILER_NOT_INSTALLED saying how to install it or to choose another.
 */
export function chooseRecordedRelease(recorded: string, shown: string, folder: string | undefined): CompilerChoice {
  const version = semver.valid(semver.clean(recorded.split('+')[0]) ?? '');
  if (version === null) fail('BAD_INPUT', `${shown}: names no compiler release ("${recorded}")`, { hint: 'choose one with --solc <version>' });
  if (version === readBundledVersion()) return { kind: 'bundled', version };
  const installed = findInstalledCompiler(version, folder);
  if (installed === null) {
    fail('COMPILER_NOT_INSTALLED', `${shown} was built with solc ${version}, which is not installed`, {
      hint: `install it once with: plainterms compilers add ${version} (or choose another release with --solc <version>)`,
    });
  }
  return { kind: 'installed', version, installed };
}

function chooseNamedRelease(requested: string, bundled: string, folder: string | undefined): CompilerChoice {
  const version = semver.valid(semver.clean(requested) ?? '');
  if (version === null) fail('USAGE', `"${requested}" is not a compiler version`, { hint: 'give an exact release, e.g. --solc 0.7.6' });
  if (version === bundled) return { kind: 'bundled', version };
  const installed = findInstalledCompiler(version, folder);
  if (installed === null) {
    fail('COMPILER_NOT_INSTALLED', `solc ${version} is not installed`, { hint: `install it once with: plainterms compilers add ${version}` });
  }
  return { kind: 'installed', version, installed };
}

function describeRanges(sources: SourcePragmas[]): string {
  return [...new Set(sources.flatMap((source) => source.pragmas))].join(' and ');
}

function describePragmas(sources: SourcePragmas[]): Diagnostic[] {
  return sources.map(({ path, pragmas, line }) => {
    const column = line ? line.text.indexOf('pragma') + 1 : null;
    return {
      severity: 'error',
      path,
      line: line?.number ?? null,
      column,
      message: `the file asks for solc ${pragmas.join(' and ')}`,
      excerpt: line && column ? buildExcerpt(line.text, column) : null,
    };
  });
}
