/**
 * The one path policy of every reader (folders, remappings, Foundry artifacts, build-info and
 * standard-JSON unit names): a path counts by where it really is (`realpath`), and a file outside the
 * roots (the project, the folders the user named, the node_modules folders around them) is refused
 * with an error naming the entry that led there, without reading it, so nothing of its content can
 * reach a message or a document.
 */
import { realpathSync } from 'node:fs';
import { fail } from '../errors.ts';
import { isInside } from './paths.ts';

export interface PathRoots {
  /** Folders whose files may be read, as given (they are compared by their real paths). */
  folders: string[];
}

/** The real path of an existing file or folder; for a broken link, why it is broken. */
export function realPathOf(absolutePath: string): { real: string } | { broken: 'missing' | 'loop' | 'unreadable' } {
  try {
    return { real: realpathSync(absolutePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { broken: code === 'ELOOP' ? 'loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
}

/** True when the file really lies in one of the roots (a root that is itself a link counts where it leads). */
export function isWithinRoots(absolutePath: string, roots: PathRoots): boolean {
  const found = realPathOf(absolutePath);
  if (!('real' in found)) return false;
  return roots.folders.some((folder) => {
    const root = realPathOf(folder);
    return isInside(found.real, 'real' in root ? root.real : folder);
  });
}

/**
 * The real path of an entry the user's project leads to, or a clear error: BROKEN_LINK for a link
 * that leads nowhere or to itself, PATH_OUTSIDE_ROOTS for a file outside the roots. `entry` is how the
 * user finds the culprit (`contracts/Link.sol`, `remappings.txt: sys/=/etc/`).
 */
export function checkWithinRoots(absolutePath: string, roots: PathRoots, entry: string, what = 'a file'): string {
  const found = realPathOf(absolutePath);
  if ('broken' in found) {
    const why = found.broken === 'loop' ? 'a symbolic link that leads back to itself' : found.broken === 'missing' ? 'a symbolic link to something that does not exist' : 'cannot be read';
    fail('BROKEN_LINK', `${entry}: ${why}`, { hint: 'remove or fix the link, or give the files you want read directly' });
  }
  if (!isWithinRoots(found.real, roots)) {
    fail('PATH_OUTSIDE_ROOTS', `${entry}: leads to ${what} outside the project (${found.real}), which plainterms does not read`, {
      hint: 'plainterms reads only the project, the folders you name and their node_modules; give that file or folder directly (or with --include-path) if you mean it to be read',
    });
  }
  return found.real;
}
