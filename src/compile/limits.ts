/**
 * Limits on what one run reads, so a huge input ends in a clear error rather than minutes of work and
 * gigabytes of memory (the time limit itself is the CLI's --timeout).
 */
import { fail } from '../errors.ts';
import { type CompileOptions, DEFAULT_MAX_SOURCE_BYTES } from './types.ts';

/** SOURCE_TOO_LARGE when the sources to compile, imports included, exceed the limit (--max-source-bytes). */
export function checkSourceSize(contents: string[], options: CompileOptions): void {
  const limit = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const total = contents.reduce((sum, content) => sum + Buffer.byteLength(content, 'utf8'), 0);
  if (total > limit) {
    fail('SOURCE_TOO_LARGE', `the sources come to ${total.toLocaleString('en')} bytes with their imports, more than the limit of ${limit.toLocaleString('en')}`, {
      hint: 'raise the limit with --max-source-bytes, or give fewer files',
    });
  }
}

