/**
 * Summarises every deployable contract under the given folders (default: the npm corpus of
 * devDependencies) in English and Chinese, and lists any internal error: a crash on code we did not
 * write is a bug, whatever the contract. Files that define no deployable contract are counted apart.
 * Run: node --import tsx scripts/corpus-sweep.ts [folder ...]   (several minutes; not part of CI)
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../src/summarize.ts';

const DEFAULT_ROOTS = [
  'node_modules/@openzeppelin/contracts',
  'node_modules/@thirdweb-dev/contracts/prebuilts',
  'node_modules/@zoralabs/v3/dist/contracts/modules',
  'node_modules/@sablier/v2-core/src',
];
const root = new URL('..', import.meta.url).pathname;

function solidityFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return /test|mock|^interfaces?$|node_modules/i.test(name) ? [] : solidityFiles(path);
    return name.endsWith('.sol') && !/^I[A-Z]/.test(name) ? [path] : [];
  });
}

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_ROOTS;
const files = roots.flatMap((dir) => solidityFiles(join(root, dir)));
const skipped: Record<string, number> = {};
let summarised = 0;
const crashes: string[] = [];
for (const file of files) {
  try {
    await summarize([file], { formats: ['md'], languages: ['en', 'zh'], cwd: root });
    summarised++;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && code !== 'INTERNAL') {
      skipped[code] = (skipped[code] ?? 0) + 1;
      continue;
    }
    crashes.push(`${file.slice(root.length)}: ${String((error as Error).message).slice(0, 200)}`);
  }
}
process.stdout.write(`${crashes.map((line) => `CRASH ${line}\n`).join('')}files ${files.length}, summarised ${summarised}, internal errors ${crashes.length}, skipped ${JSON.stringify(skipped)}\n`);
process.exitCode = crashes.length > 0 ? 1 : 0;
