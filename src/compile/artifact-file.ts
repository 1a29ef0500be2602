/**
 * One contract's artifact, given alone: a Hardhat 2 artifact (`artifacts/contracts/Sale.sol/Sale.json`)
 * is read through the build-info its `Sale.dbg.json` names, as it is; a Foundry artifact
 * (`out/Sale.sol/Sale.json`) is compiled again from the sources and settings its metadata records
 * (rebuild.ts), the sources read from the project and checked against the recorded hashes. Either way
 * the summary is of the artifact's source file.
 */
import path from 'node:path';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import { readBuildInfo, isBuildInfo } from './build-info.ts';
import { projectRootOf, recordArtifact, type BuildJob } from './foundry-out.ts';
import { checkWithinRoots } from './path-policy.ts';
import { isFile, isInside, relativeInside } from './paths.ts';
import { readJsonFile } from './prebuilt.ts';
import { recompileBuilds } from './rebuild.ts';
import type { Compilation } from './types.ts';

/** A Hardhat 2 artifact, or a Foundry one (its metadata names the compiled source). */
export function isArtifact(json: any): boolean {
  if (!isJsonObject(json) || !Array.isArray(json.abi)) return false;
  return isHardhatArtifact(json) || recordArtifact('', json) !== null;
}

function isHardhatArtifact(json: any): boolean {
  return json._format === 'hh-sol-artifact-1' && typeof json.sourceName === 'string';
}

export async function readArtifactFile(file: string, json: any, cwd: string, shown: string, job: BuildJob): Promise<Compilation> {
  const projectRoot = projectRootOf(path.dirname(file));
  if (isHardhatArtifact(json)) return readThroughBuildInfo(file, json, projectRoot, cwd, shown);
  return recompileBuilds([recordArtifact(file, json)!], { ...job, shown, projectRoot, cwd });
}

/** The build-info `<Name>.dbg.json` names, read as it is; only a file inside the project is read. */
function readThroughBuildInfo(file: string, json: any, projectRoot: string, cwd: string, shown: string): Compilation {
  const debugFile = file.replace(/\.json$/, '.dbg.json');
  const rebuild = 'build the project again (npx hardhat compile), then give the artifact, the artifacts/ folder, or the sources';
  if (!isFile(debugFile)) fail('BAD_INPUT', `${shown}: ${path.basename(debugFile)} is not beside it, so its build-info is unknown`, { hint: rebuild });
  const debug = readJsonFile(debugFile, relativeInside(debugFile, cwd) ?? debugFile);
  if (typeof debug?.buildInfo !== 'string') fail('BAD_INPUT', `${relativeInside(debugFile, cwd) ?? debugFile}: names no build-info`, { hint: rebuild });
  const buildInfoFile = path.resolve(path.dirname(debugFile), debug.buildInfo);
  const buildInfoShown = relativeInside(buildInfoFile, cwd) ?? buildInfoFile;
  const entry = `${relativeInside(debugFile, cwd) ?? debugFile}: buildInfo "${debug.buildInfo}"`;
  if (!isInside(buildInfoFile, projectRoot)) {
    fail('PATH_OUTSIDE_ROOTS', `${entry} leads outside the project (${projectRoot}), which plainterms does not read`, { hint: rebuild });
  }
  if (!isFile(buildInfoFile)) fail('FILE_NOT_FOUND', `${buildInfoShown}: the build-info ${shown} was built in is gone`, { hint: rebuild });
  checkWithinRoots(buildInfoFile, { folders: [projectRoot] }, entry, 'a build-info');
  const buildInfo = readJsonFile(buildInfoFile, buildInfoShown);
  if (!isBuildInfo(buildInfo)) fail('BAD_INPUT', `${buildInfoShown}: not a build-info file`, { hint: rebuild });
  if (!isJsonObject(buildInfo.input.sources) || buildInfo.input.sources[json.sourceName] === undefined) {
    fail('BAD_INPUT', `${buildInfoShown}: does not hold ${json.sourceName}, the source of ${shown}`, { hint: rebuild });
  }
  return readBuildInfo(buildInfoFile, buildInfo, cwd, buildInfoShown, [json.sourceName]);
}
