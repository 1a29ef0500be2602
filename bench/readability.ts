/**
 * Readability of the bundled contracts' summaries: for English, average sentence length in words and
 * Flesch reading ease; for Chinese, average sentence length in characters. Prints a table.
 * Run: node --import tsx bench/readability.ts
 */
import { readdirSync } from 'node:fs';
import { compileFiles } from '../src/compile/index.ts';
import { extractContracts } from '../src/extract/index.ts';
import { buildStatements } from '../src/render/statements.ts';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(new URL('../contracts', import.meta.url)).filter((file) => file.endsWith('.sol')).sort();

/** Prose only: code in backticks counts as one word, quotes of the author's comments are left out. */
function prose(text: string): string {
  return text.replace(/`[^`]*`/g, 'X').replace(/“[^”]*”/g, 'X');
}

function sentencesOf(texts: string[], splitter: RegExp): string[] {
  return texts.flatMap((text) => prose(text).split(splitter)).map((s) => s.trim()).filter((s) => s.length > 0);
}

function syllables(word: string): number {
  const clean = word.toLowerCase().replace(/[^a-z]/g, '');
  if (clean.length <= 3) return 1;
  const groups = clean.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

function english(texts: string[]): { sentences: number; words: number; flesch: number } {
  const sentences = sentencesOf(texts, /(?<=[.!?])\s+(?=[A-Z`X])/);
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)));
  const syllableCount = words.reduce((sum, word) => sum + syllables(word), 0);
  const wordsPerSentence = words.length / sentences.length;
  const flesch = 206.835 - 1.015 * wordsPerSentence - 84.6 * (syllableCount / words.length);
  return { sentences: sentences.length, words: words.length, flesch };
}

function chinese(texts: string[]): { sentences: number; chars: number } {
  const sentences = sentencesOf(texts, /(?<=[。！？])/);
  const chars = sentences.reduce((sum, s) => sum + [...s.replace(/[\s，。、；：！？（）“”「」]/g, '')].length, 0);
  return { sentences: sentences.length, chars };
}

const rows: string[][] = [['contract', 'en sentences', 'en words/sentence', 'Flesch', 'zh sentences', 'zh chars/sentence']];
for (const file of files) {
  const compilation = await compileFiles([`contracts/${file}`], { cwd: root });
  for (const terms of extractContracts(compilation)) {
    const en = english(buildStatements(terms, 'en').map((s) => s.text));
    const zh = chinese(buildStatements(terms, 'zh').map((s) => s.text));
    rows.push([
      terms.name,
      String(en.sentences),
      (en.words / en.sentences).toFixed(1),
      en.flesch.toFixed(1),
      String(zh.sentences),
      (zh.chars / zh.sentences).toFixed(1),
    ]);
  }
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
process.stdout.write(`${lines.join('\n')}\n`);
