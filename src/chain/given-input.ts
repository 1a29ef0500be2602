/**
 * What a single input says about the compilation it comes from, for the deployed-code check: a
 * build-info's settings, solc release, standard-JSON input and its own bytecode (used as is, never
 * compiled again when present), a standard-JSON input's own settings, or a build folder's: its one
 * build-info, else Foundry's artifacts (`out/<File>.sol/<Contract>.json`, with their bytecode and the
 * settings in their metadata). Read here from the JSON itself; src/compile reads the same files for
 * their ASTs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBuildInfo } from '../compile/build-info.ts';
import { isBuildFolder, listBuildInfoFiles } from '../compile/foundry-out.ts';
import { isJsonObject } from '../json-shape.ts';
import { type BytecodeByUnit, collectBytecode } from './compile-bytecode.ts';
import { type CompilerSettings, readSettings } from './compiler-settings.ts';

export type GivenInput =
  | { kind: 'build-info'; settings: CompilerSettings; version: string; input: Record<string, any>; bytecode: BytecodeByUnit }
  | { kind: 'standard-json'; settings: CompilerSettings }
  | { kind: 'artifacts'; bytecode: BytecodeByUnit; contracts: Record<string, { settings: CompilerSettings; version: string }> };

/** The build-info, standard-JSON file or build folder given alone; null for Solidity sources. */
export function readGivenInput(files: string[], cwd: string): GivenInput | null {
  if (files.length !== 1) return null;
  const file = path.resolve(cwd, files[0]);
  if (isFolder(file)) return isBuildFolder(file) ? readBuildFolder(file) : null;
  if (!file.toLowerCase().endsWith('.json')) return null;
  return readJsonInput(file);
}

function readJsonInput(file: string): GivenInput | null {
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

/** Its one build-info; else the Foundry artifacts' bytecode, each with the settings and release its metadata records (by `unit:Contract`). */
function readBuildFolder(folder: string): GivenInput | null {
  const buildInfos = listBuildInfoFiles(folder);
  if (buildInfos.length === 1) return readJsonInput(buildInfos[0]);
  const bytecode: BytecodeByUnit = {};
  const contracts: Record<string, { settings: CompilerSettings; version: string }> = {};
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith('.sol') || !isFolder(path.join(folder, entry))) continue;
    for (const name of readdirSync(path.join(folder, entry))) {
      const artifact = name.endsWith('.json') ? readJson(path.join(folder, entry, name)) : null;
      const deployed = artifact?.deployedBytecode;
      const target = isJsonObject(artifact?.metadata?.settings?.compilationTarget) ? Object.entries<string>(artifact.metadata.settings.compilationTarget)[0] : null;
      if (!target || typeof deployed?.object !== 'string' || deployed.object.replace(/^0x/, '') === '') continue;
      const [unit, contract] = target;
      (bytecode[unit] ??= {})[contract] = {
        creation: `0x${String(artifact.bytecode?.object ?? '').replace(/^0x/, '')}`,
        runtime: `0x${deployed.object.replace(/^0x/, '')}`,
        immutableReferences: isJsonObject(deployed.immutableReferences) ? deployed.immutableReferences : {},
      };
      contracts[`${unit}:${contract}`] = { settings: readSettings(artifact.metadata.settings), version: String(artifact.metadata.compiler?.version ?? '') };
    }
  }
  return Object.keys(contracts).length === 0 ? null : { kind: 'artifacts', bytecode, contracts };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
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
