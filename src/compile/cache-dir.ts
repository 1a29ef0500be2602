/**
 * Where plainterms keeps what it can rebuild: installed compilers and cached compiler output.
 * `$PLAINTERMS_CACHE` when set, else `$XDG_CACHE_HOME/plainterms`, else `~/.cache/plainterms`.
 */
import os from 'node:os';
import path from 'node:path';

export function findCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLAINTERMS_CACHE) return path.resolve(env.PLAINTERMS_CACHE);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'plainterms');
}

/** `<cache root>/compilers`: one folder per installed solc version. */
export function findCompilersFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(findCacheRoot(env), 'compilers');
}

/** `<cache root>/output`: compiler output by content hash. */
export function findOutputCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(findCacheRoot(env), 'output');
}
