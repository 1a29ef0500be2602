/**
 * Length of the bundled contracts' English summaries, from the statements of the JSON model: per
 * contract and in total, the number of statements, prose sentences, table rows and words (the words of
 * table cells count: tables are not free), the median and longest sentence in words, and how many
 * sentences run over 35 words (the longest are listed with --long). Cells are not sentences: a row is
 * counted once, its words in the words column.
 * Run: node --import tsx bench/length.ts [--long]
 */
import { readdirSync } from 'node:fs';
import { compileFiles } from '../src/compile/index.ts';
import { extractContracts } from '../src/extract/index.ts';
import { buildStatements } from '../src/render/statements.ts';
import { median, sentencesOf, wordCount } from './length-count.ts';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(new URL('../contracts', import.meta.url)).filter((file) => file.endsWith('.sol')).sort();
const LONG = 35;

interface Row { name: string; statements: number; lengths: number[]; rows: number; cellWords: number }

const rows: Row[] = [];
const long: string[] = [];
for (const file of files) {
  const compilation = await compileFiles([`contracts/${file}`], { cwd: root });
  for (const terms of extractContracts(compilation)) {
    const statements = buildStatements(terms, 'en');
    const lengths: number[] = [];
    let tableRows = 0;
    let cellWords = 0;
    for (const statement of statements) {
      if (statement.cells) {
        tableRows += 1;
        cellWords += statement.cells.reduce((sum, cell) => sum + wordCount(cell.replace(/`[^`]*`/g, '`X`')), 0);
        continue;
      }
      for (const sentence of sentencesOf(statement.text)) {
        const words = wordCount(sentence);
        lengths.push(words);
        if (words > LONG) long.push(`${terms.name} ${statement.id} (${words}): ${sentence}`);
      }
    }
    rows.push({ name: terms.name, statements: statements.length, lengths, rows: tableRows, cellWords });
  }
}
const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
rows.push({ name: 'total', statements: sum((row) => row.statements), lengths: rows.flatMap((row) => row.lengths), rows: sum((row) => row.rows), cellWords: sum((row) => row.cellWords) });

const table = [['contract', 'statements', 'sentences', 'table rows', 'words', 'of which in tables', 'median', 'max', `>${LONG}`]];
for (const row of rows) {
  const words = row.lengths.reduce((total, n) => total + n, 0) + row.cellWords;
  const cells = [row.statements, row.lengths.length, row.rows, words, row.cellWords, median(row.lengths), Math.max(...row.lengths), row.lengths.filter((n) => n > LONG).length];
  table.push([row.name, ...cells.map(String)]);
}
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
const lines = table.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--long')) process.stdout.write(`\n${long.join('\n')}\n`);
