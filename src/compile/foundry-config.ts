/**
 * What a Foundry project's `foundry.toml` says about imports: the `remappings` of `[profile.default]`
 * and the remappings forge derives from its `libs` folders (`<name>/=lib/<name>/`, or
 * `<name>/=lib/<name>/src/` when the library has a `src` folder), as `forge remappings` prints them.
 * Profiles other than the default (FOUNDRY_PROFILE) and nested libraries' own remappings are not read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { fail } from '../errors.ts';
import { isWithinRoots } from './path-policy.ts';
import { isDirectory, isFile } from './paths.ts';

export interface FoundryConfig {
  /** Remappings as written in foundry.toml, relative to the project root. */
  remappings: string[];
  /** Remappings forge derives from the libs folders. */
  libraryRemappings: string[];
}

const NONE: FoundryConfig = { remappings: [], libraryRemappings: [] };

/** The project's foundry.toml, or no remappings when there is none. */
export function readFoundryConfig(root: string): FoundryConfig {
  const file = path.join(root, 'foundry.toml');
  if (!isFile(file)) return NONE;
  const text = readFileSync(file, 'utf8');
  const profile = readDefaultProfile(text);
  const remappings = readStringList(profile, 'remappings', text) ?? [];
  const libs = readStringList(profile, 'libs', text) ?? ['lib'];
  return { remappings, libraryRemappings: libs.flatMap((lib) => deriveLibraryRemappings(root, lib, text)) };
}

function readDefaultProfile(text: string): Record<string, unknown> {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    fail('BAD_INPUT', `foundry.toml:${error.line}: not valid TOML (${reason})`, { hint: 'fix foundry.toml so that forge reads it too (forge config shows what it reads)' });
  }
  const profiles = parsed.profile;
  const profile = isTable(profiles) ? profiles.default : undefined;
  return isTable(profile) ? profile : {};
}

function readStringList(profile: Record<string, unknown>, key: string, text: string): string[] | null {
  const value = profile[key];
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    fail('BAD_INPUT', `foundry.toml:${lineOf(text, key)}: ${key} is not a list of strings`, { hint: `write it as ${key} = ["…", "…"] under [profile.default]` });
  }
  return value as string[];
}

/**
 * `<name>/=<lib>/<name>/` for each folder in a libs folder of the project. A libs folder outside the
 * project is refused by name, unlisted: plainterms reads nothing outside the project.
 */
function deriveLibraryRemappings(root: string, lib: string, text: string): string[] {
  const folder = path.resolve(root, lib);
  if (!isDirectory(folder)) return [];
  if (!isWithinRoots(folder, { folders: [root] })) {
    fail('PATH_OUTSIDE_ROOTS', `foundry.toml:${lineOf(text, 'libs')}: libs "${lib}" leads to a folder outside the project (${folder}), which plainterms does not read`, {
      hint: 'keep libraries inside the project (lib/), or give their folder with --include-path and their remappings with --remap',
    });
  }
  const prefix = lib.replace(/\\/g, '/').replace(/\/+$/, '');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => `${name}/=${prefix}/${name}/${isDirectory(path.join(folder, name, 'src')) ? 'src/' : ''}`);
}

/** The first line (1-based) where `key` is set, to point at it. */
function lineOf(text: string, key: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => new RegExp(`^\\s*${key}\\s*=`).test(line));
  return index === -1 ? 1 : index + 1;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
