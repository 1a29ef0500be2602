/**
 * Small path helpers shared by import resolution and display. Source unit names always use '/'.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export function toSlashes(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/** True when `filePath` is `root` itself or lies below it (both absolute, normalised). */
export function isInside(filePath: string, root: string): boolean {
  const relative = path.relative(root, filePath);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The path relative to `root` with '/' separators, or null when it lies outside. */
export function relativeInside(filePath: string, root: string): string | null {
  return isInside(filePath, root) ? toSlashes(path.relative(root, filePath)) : null;
}

/**
 * What users see: a file inside a node_modules folder as its package path
 * (`@openzeppelin/contracts/access/Ownable.sol`), the user's own files relative to the working
 * directory when inside it, else the unit name.
 */
export function toDisplayPath(absolutePath: string, unitName: string, cwd: string): string {
  const relative = relativeInside(absolutePath, cwd);
  if (relative !== null && toPackagePath(relative) === null) return relative;
  return toPackagePath(absolutePath) ?? relative ?? unitName;
}

/** The part after the last `node_modules/` segment, or null for a file outside node_modules. */
export function toPackagePath(filePath: string): string | null {
  const segments = toSlashes(filePath).split('/');
  const last = segments.lastIndexOf('node_modules');
  if (last < 0 || last === segments.length - 1) return null;
  return segments.slice(last + 1).join('/');
}

/** `dir` and every folder above it, nearest first. */
export function listAncestors(dir: string): string[] {
  const folders: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    folders.push(current);
    if (path.dirname(current) === current) return folders;
  }
}

export function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(filePath: string): boolean {
  try {
    return statSync(filePath).isDirectory();
  } catch {
    return false;
  }
}
