/**
 * What a single JSON input says about the compilation it comes from, for the deployed-code check: a
 * build-info's settings, solc release, standard-JSON input and its own bytecode (used as is, never
 * compiled again when present), or a standard-JSON input's own settings. Read here from the JSON
 * itself; src/compile reads the same files for their ASTs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isBuildInfo } from '../compile/build-info.ts';
import { isJsonObject } from '../json-shape.ts';
import { type BytecodeByUnit, collectBytecode } from './compile-bytecode.ts';
import { type CompilerSettings, readSettings } from './compiler-settings.ts';

export type GivenInput =
  | { kind: 'build-info'; settings: CompilerSettings; version: string; input: Record<string, any>; bytecode: BytecodeByUnit }
  | { kind: 'standard-json'; settings: CompilerSettings };

/** The build-info or standard-JSON file given alone; null for Solidity sources and build folders. */
export function readGivenInput(files: string[], cwd: string): GivenInput | null {
  if (files.length !== 1 || !files[0].toLowerCase().endsWith('.json')) return null;
  const file = path.resolve(cwd, files[0]);
  const json = readJson(file);
  if (json === null) return null;
  if (isBuildInfo(json)) {
    const output = json.output ?? readJson(path.join(path.dirname(file), `${json.id ?? path.basename(file, '.json')}.output.json`))?.output;
    return {
      kind: 'build-info',
      settings: readSettings(json.input.settings),
      version: String(json.solcLongVersion ?? json.solcVersion ?? ''),
      input: json.input,
      bytecode: isJsonObject(output) ? withoutEmpty(collectBytecode(output)) : {},
    };
  }
  if (typeof json.language === 'string' && isJsonObject(json.sources)) return { kind: 'standard-json', settings: readSettings(json.settings) };
  return null;
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Contracts whose runtime code the output holds (a build without bytecode in its selection has none). */
function withoutEmpty(bytecode: BytecodeByUnit): BytecodeByUnit {
  const kept: BytecodeByUnit = {};
  for (const [unit, byName] of Object.entries(bytecode)) {
    for (const [name, code] of Object.entries(byName)) if (code.runtime !== '0x') (kept[unit] ??= {})[name] = code;
  }
  return kept;
}
