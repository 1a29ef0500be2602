/**
 * Finds code in prose: Solidity operators, index brackets, loop headers, identifiers left in camelCase or
 * snake_case, fragments of a name split badly ("Dto") and one-letter names, in the parts of a sentence a
 * reader reads as English. Text in backticks is the code shown on purpose, and is skipped.
 */
import type { Statement } from '../../src/terms/index.ts';

export interface Finding {
  /** What was found: the rule's name. */
  rule: string;
  /** The piece of text that matched. */
  match: string;
  /** The whole sentence. */
  text: string;
  id: string;
}

/** Each rule: a name and a pattern tried on the sentence with its code spans and quotations removed. */
const RULES: [string, RegExp][] = [
  ['operator', /\+=|-=|\*=|\/=|==|!=|&&|\|\||=>|<=|>=/g],
  ['brackets', /\[|\]/g],
  ['loop header', /\bfor \(/g],
  ['member access', /\.\w*length\b|\b[a-z]\w*\.[a-z]\w*\b/g],
  ['camelCase', /\b[a-z]+[A-Z]\w*\b/g],
  ['snake_case', /\b\w+_\w*\b/g],
  // A capitalised label piece with no vowel or a lone capital pair: "Dto", "Txid", "I" as a name.
  ['split fragment', /\b(?:Dto|Txid|Tx|Txs|Id)\b/g],
  ['one-letter name', /\b(?:the|computed|given|returned) [A-Z]\b(?! ?[-–])/g],
];

/** The part of a sentence read as English: code spans (`…`) and quotations (“…”) removed. */
export function proseOf(text: string): string {
  return text.replace(/`[^`]*`/g, ' ').replace(/“[^”]*”/g, ' ');
}

/** The findings in one sentence. */
export function codeLikeness(text: string, id = ''): Finding[] {
  const prose = proseOf(text);
  const findings: Finding[] = [];
  for (const [rule, pattern] of RULES) {
    for (const match of prose.matchAll(pattern)) findings.push({ rule, match: match[0], text, id });
  }
  return findings;
}

/** The findings in a summary's statements, leaving out the "Not explained" section, where code is quoted on purpose. */
export function codeLikenessOf(statements: Statement[]): Finding[] {
  return statements.filter((s) => s.section !== 'not-explained').flatMap((s) => codeLikeness(s.text, s.id));
}
