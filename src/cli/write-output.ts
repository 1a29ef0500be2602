/**
 * Writing a document where `-o` says: a folder that does not exist, a path under a file, a folder given
 * as the file, or no permission is the user's input, told as such (exit 1), not a crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';

export function writeOutput(file: string, text: string | Uint8Array, options: { createFolder?: boolean } = {}): void {
  try {
    if (options.createFolder) mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = path.dirname(file);
    if (code === 'ENOENT') fail('OUTPUT_NOT_WRITABLE', `cannot write ${file}: the folder ${folder} does not exist`, { hint: 'Create the folder first, or give -o a file in a folder that exists.' });
    if (code === 'ENOTDIR' || code === 'EEXIST') fail('OUTPUT_NOT_WRITABLE', `cannot write ${file}: part of the path is a file, not a folder`, { hint: 'Give -o a file in a folder that exists.' });
    if (code === 'EISDIR') fail('OUTPUT_NOT_WRITABLE', `cannot write ${file}: it is a folder`, { hint: 'Give -o a file name, or end the path with / to write one file per contract into the folder.' });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') fail('OUTPUT_NOT_WRITABLE', `cannot write ${file}: permission denied`, { hint: 'Choose a folder you can write to.' });
    throw error;
  }
}

/** A binary format (docx) is written only to a file: on a terminal it would be noise, and `-o` names it. */
export function requireOutputFile(format: string, output: string | undefined): string {
  if (output !== undefined) return output;
  return fail('USAGE', `--format ${format} writes a binary file, not text for the terminal`, { hint: `give the file with -o, e.g. -o summary.${format}` });
}
