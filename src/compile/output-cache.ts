/**
 * Compiler output on disk, by content hash. The key covers the compiler release, the settings, the
 * content of the sources given to solc and how imports are looked up; the entry lists every file solc
 * read through imports with its hash, and is used only while all of them are unchanged on disk.
 * Writing is best effort (a read-only home folder only means no cache); entries are written to a
 * temporary file and renamed, so a reader never sees half an entry. A hit touches its entry; now and
 * then a write removes the least recently used entries beyond MAX_ENTRIES. Not noticed: a new file
 * that would now be found before one the entry lists (earlier in the search order); `--no-cache`
 * covers that rare case.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedSource } from './resolver.ts';

const FORMAT = 'plainterms/solc-output@1';
const MAX_ENTRIES = 2000;
/** One write in this many looks at the size of the cache. */
const PRUNE_EVERY = 25;

export interface CachedFile {
  unitName: string;
  absolutePath: string;
  sha256: string;
}

export interface CacheEntry<Output> {
  format: typeof FORMAT;
  /** The compiler's long version, '0.8.37+commit.f401782d'. */
  version: string;
  /** Files read through imports, to check on the next run. */
  files: CachedFile[];
  /** keccak256 of every source by unit name (slow to compute in JavaScript, so kept). */
  keccak256: Record<string, string>;
  output: Output;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function makeCacheKey(parts: unknown): string {
  return hashText(JSON.stringify([FORMAT, parts]));
}

function entryFile(folder: string, key: string): string {
  return path.join(folder, key.slice(0, 2), `${key}.json`);
}

/** The entry and the files it lists, read again from disk; null when absent or any file changed. */
export function readCacheEntry<Output>(folder: string, key: string): { entry: CacheEntry<Output>; files: LoadedSource[] } | null {
  let entry: CacheEntry<Output>;
  try {
    entry = JSON.parse(readFileSync(entryFile(folder, key), 'utf8'));
  } catch {
    return null;
  }
  if (entry.format !== FORMAT) return null;
  const files: LoadedSource[] = [];
  for (const file of entry.files) {
    let content: string;
    try {
      content = readFileSync(file.absolutePath, 'utf8');
    } catch {
      return null;
    }
    if (hashText(content) !== file.sha256) return null;
    files.push({ unitName: file.unitName, absolutePath: file.absolutePath, content });
  }
  touch(entryFile(folder, key));
  return { entry, files };
}

export function writeCacheEntry<Output>(folder: string, key: string, entry: Omit<CacheEntry<Output>, 'format'>): void {
  const target = entryFile(folder, key);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, ...entry }));
    renameSync(temporary, target);
    touch(target);
    if (Math.random() < 1 / PRUNE_EVERY) pruneCache(folder, MAX_ENTRIES);
  } catch {
    // No cache this time.
  }
}

/** Remove the least recently used entries beyond `keep`. */
export function pruneCache(folder: string, keep: number): void {
  const entries: { file: string; used: number }[] = [];
  for (const sub of readdirSync(folder)) {
    const dir = path.join(folder, sub);
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      entries.push({ file, used: statSync(file).mtimeMs });
    }
  }
  entries.sort((a, b) => b.used - a.used);
  for (const { file } of entries.slice(keep)) rmSync(file, { force: true });
}

/** The last use this process recorded: uses within the same millisecond still get distinct, increasing times. */
let lastUse = 0;

function touch(file: string): void {
  try {
    lastUse = Math.max(Date.now(), lastUse + 1);
    const now = new Date(lastUse);
    utimesSync(file, now, now);
  } catch {
    // Read-only cache: still usable.
  }
}
