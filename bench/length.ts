/**
 * Length of the bundled contracts' English summaries, from the statements of the JSON model: per
 * contract and in total, the number of statements, sentences and words, the median and longest
 * sentence in words, and how many sentences run over 35 words (the longest are listed with --long).
 * Run: node --import tsx bench/length.ts [--long]
 */
import { readdirSync } from 'node:fs';
import { compileFiles } from '../src/compile/index.ts';
import { extractContracts } from '../src/extract/index.ts';
import { buildStatements } from '../src/render/statements.ts';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(new URL('../contracts', import.meta.url)).filter((file) => file.endsWith('.sol')).sort();
const LONG = 35;

/** Code in backticks counts as one word; a sentence ends at . ! ? before a capital, a backtick or a quote. */
function sentencesOf(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, '`X`');
  return prose.split(/(?<=[.!?])\s+(?=[A-Z`“"])/).map((s) => s.trim()).filter((s) => /[A-Za-z0-9]/.test(s));
}

function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Row { name: string; statements: number; lengths: number[] }

const rows: Row[] = [];
const long: string[] = [];
for (const file of files) {
  const compilation = await compileFiles([`contracts/${file}`], { cwd: root });
  for (const terms of extractContracts(compilation)) {
    const statements = buildStatements(terms, 'en');
    const lengths: number[] = [];
    for (const statement of statements) {
      for (const sentence of sentencesOf(statement.text)) {
        const words = wordCount(sentence);
        lengths.push(words);
        if (words > LONG) long.push(`${terms.name} ${statement.id} (${words}): ${sentence}`);
      }
    }
    rows.push({ name: terms.name, statements: statements.length, lengths });
  }
}
rows.push({ name: 'total', statements: rows.reduce((sum, row) => sum + row.statements, 0), lengths: rows.flatMap((row) => row.lengths) });

const table = [['contract', 'statements', 'sentences', 'words', 'median', 'max', `>${LONG}`]];
for (const row of rows) {
  const words = row.lengths.reduce((sum, n) => sum + n, 0);
  table.push([row.name, String(row.statements), String(row.lengths.length), String(words), String(median(row.lengths)), String(Math.max(...row.lengths)), String(row.lengths.filter((n) => n > LONG).length)]);
}
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
const lines = table.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--long')) process.stdout.write(`\n${long.join('\n')}\n`);
