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
  ['operator', /\+=|-=|\*=|\/=|==|!=|&&|\|\||=>|<=|>=|\+\+|--|(?<=\s)[=<>](?=\s)/g],
  ['brackets', /[[\]{}]/g],
  ['loop header', /\b(?:for|while) \(/g],
  ['call syntax', /\b\w+\(/g],
  ['member access', /\.length\b|\b[A-Za-z_]\w*\.[A-Za-z_]\w*/g],
  ['Solidity word', /\b(?:u?int\d*|bytes\d+|mapping|msg|keccak256|sha256|ecrecover|abi|calldata|memory)\b/g],
  ['camelCase', /\b[a-z]+[A-Z]\w*\b/g],
  ['snake_case', /\b\w+_\w*\b/g],
  // A name cut in the wrong place: an acronym glued to a small word ("I Dto" from `disputeIDtoTxID`).
  ['split fragment', /\b[A-Z]{1,3}(?:to|of|by|for)\b/g],
  // A one-letter name read as a term: "the computed I", "the given N".
  ['one-letter name', /\b(?:the|a|an|given|computed|returned|of|for|by|with|and) (?!A\b)[A-Z]\b/g],
  // A programmer's abbreviation left in a defined term.
  ['abbreviation', /\b(?:Tx|Txs|Txn|Sig|Addr|Amt|Idx|Num|Qty|Bal|Msg|Req)\b/g],
];

/** The part of a sentence read as English: code spans (`…`) and quotations (“…”) removed. */
export function proseOf(text: string): string {
  return text.replace(/`[^`]*`/g, ' ').replace(/“[^”]*”/g, ' ');
}

/** The findings in one sentence. */
export function codeLikeness(text: string, id = ''): Finding[] {
  const prose = proseOf(text);
  const findings: Finding[] = [];
  // An analysis marker (a NUL-prefixed id such as a loop's carried local) is never text, even in code marks.
  for (const match of text.matchAll(/\u0000[^`\s]*|\bcarried:\d+/g)) findings.push({ rule: 'internal marker', match: match[0], text, id });
  for (const [rule, pattern] of RULES) {
    for (const match of prose.matchAll(pattern)) findings.push({ rule, match: match[0], text, id });
  }
  return findings;
}

/** The findings in a summary's statements, leaving out the "Not explained" section, where code is quoted on purpose. */
export function codeLikenessOf(statements: Statement[]): Finding[] {
  return statements.filter((s) => s.section !== 'not-explained').flatMap((s) => codeLikeness(s.text, s.id));
}
