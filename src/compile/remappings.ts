/**
 * Import remappings (`[context:]prefix=target`), as solc, Foundry and Hardhat write them. solc itself
 * applies them (longest context, then longest prefix wins); here they are parsed, read from
 * remappings.txt and foundry.toml, and their folder targets rewritten into the unit-name space of this compilation
 * (relative to the base path), so the import callback can find the files and allow their folders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';
import { readFoundryConfig } from './foundry-config.ts';
import { isDirectory, isFile, relativeInside, toSlashes } from './paths.ts';

export interface Remapping {
  context: string;
  prefix: string;
  target: string;
}

export interface ResolvedRemappings {
  /** What goes into solc's `settings.remappings`. */
  settings: string[];
  /** Existing folders that remapping targets point to, with the remapping as written; imports may read from them. */
  targets: { folder: string; text: string }[];
}

export function parseRemapping(text: string): Remapping {
  const equals = text.indexOf('=');
  const left = equals === -1 ? '' : text.slice(0, equals);
  const colon = left.indexOf(':');
  const remapping = {
    context: colon === -1 ? '' : left.slice(0, colon),
    prefix: colon === -1 ? left : left.slice(colon + 1),
    target: text.slice(equals + 1),
  };
  if (equals === -1 || remapping.prefix === '') {
    fail('BAD_INPUT', `invalid remapping "${text}"`, {
      hint: 'write a remapping as prefix=path, e.g. @openzeppelin/=node_modules/@openzeppelin/',
    });
  }
  return remapping;
}

/**
 * The project's own remappings, in the order forge ranks them, the strongest last (solc lets the last
 * of two equal prefixes win): those derived from foundry.toml's libs, remappings.txt, then foundry.toml's
 * own `remappings`.
 */
export function readProjectRemappings(root: string): string[] {
  const foundry = readFoundryConfig(root);
  return [...foundry.libraryRemappings, ...readRemappingsFile(root), ...foundry.remappings];
}

/** The remappings listed in `<root>/remappings.txt` (blank lines and # comments skipped); [] if none. */
export function readRemappingsFile(root: string): string[] {
  const file = path.join(root, 'remappings.txt');
  if (!isFile(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Rewrite remappings whose target (or context) is an existing path, relative to `origin`, into unit
 * names under `basePath` (absolute when outside it). Targets that are not paths, such as
 * `@oz/=@openzeppelin/`, stay as written and resolve like any other import.
 */
export function resolveRemappings(texts: string[], origin: string, basePath: string): ResolvedRemappings {
  const settings: string[] = [];
  const targets: { folder: string; text: string }[] = [];
  for (const text of texts) {
    const { context, prefix, target } = parseRemapping(text);
    const resolvedTarget = resolveRemappedPath(target, origin, basePath);
    if (resolvedTarget.folder !== null) targets.push({ folder: resolvedTarget.folder, text });
    const resolvedContext = context === '' ? '' : resolveRemappedPath(context, origin, basePath).unitName;
    settings.push(`${resolvedContext === '' ? '' : `${resolvedContext}:`}${prefix}=${resolvedTarget.unitName}`);
  }
  return { settings, targets };
}

function resolveRemappedPath(written: string, origin: string, basePath: string): { unitName: string; folder: string | null } {
  const absolute = path.resolve(origin, written);
  const folder = isDirectory(absolute) ? absolute : isFile(absolute) ? path.dirname(absolute) : null;
  if (written === '' || folder === null) return { unitName: written, folder: null };
  const unitName = relativeInside(absolute, basePath) ?? toSlashes(absolute);
  const keepSlash = written.endsWith('/') && unitName !== '' && !unitName.endsWith('/');
  return { unitName: keepSlash ? `${unitName}/` : unitName, folder };
}
