/**
 * Checks that a change of layout lost no term: for each golden summary (tests/golden/*.md), every source
 * reference ([File.sol:12-14]) and every number (30%, 86,400, 0.5) of the version at a git ref must still
 * appear somewhere in the working copy. Prints what is missing per file; exits 1 when anything is.
 * Run: node --import tsx scripts/terms-kept.ts [ref] (default: where this branch left main, so others' changes on main do not count)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const ref = process.argv[2] ?? execFileSync('git', ['merge-base', 'main', 'HEAD'], { encoding: 'utf8' }).trim();
const dir = 'tests/golden';
const REFS = /\[([A-Za-z0-9_.-]+\.sol:\d+(?:-\d+)?)\]/g;
const NUMBERS = /(?<![\w.])\d[\d,]*(?:\.\d+)?%?/g;

/** The terms of a summary: its source references and the numbers of its prose (hashes and versions left out). */
function termsOf(text: string): Set<string> {
  const prose = text.replace(/0x[0-9a-f]+/gi, '').replace(/^solc .*$/gm, '').replace(REFS, ' ');
  return new Set([...[...text.matchAll(REFS)].map((m) => `[${m[1]}]`), ...[...prose.matchAll(NUMBERS)].map((m) => m[0])]);
}

let missing = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
  let before: string;
  try {
    before = execFileSync('git', ['show', `${ref}:${dir}/${file}`], { encoding: 'utf8' });
  } catch {
    continue;
  }
  const after = termsOf(readFileSync(`${dir}/${file}`, 'utf8'));
  const lost = [...termsOf(before)].filter((term) => !after.has(term));
  missing += lost.length;
  process.stdout.write(`${file}: ${termsOf(before).size} terms before, ${lost.length === 0 ? 'all kept' : `missing ${lost.join(' ')}`}\n`);
}
process.stdout.write(missing === 0 ? 'every source reference and number kept\n' : `${missing} missing\n`);
process.exit(missing === 0 ? 0 : 1);
