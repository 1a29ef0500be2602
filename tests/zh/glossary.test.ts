import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseName } from '../../src/render/zh-names.ts';

/**
 * One Chinese term per English term: where the word list (templates/zh/names.tsv) renders a term the
 * project's glossary (docs/glossary-en-zh.tsv) defines, both say the same.
 */
const GLOSSARY = readFileSync(new URL('../../docs/glossary-en-zh.tsv', import.meta.url), 'utf8');

/** Terms the glossary defines for one sense only, where the word list needs the word's general sense. */
const OTHER_SENSE: Record<string, string> = {
  // The glossary's 合约所有者 is the owner of the contract (Ownable); templates say so for that party
  // (partials/zh-label.hbs). In a composed name the word is an owner of something else: 物业所有者.
  owner: '所有者',
  // 电子商务平台经营者 is a status under the E-Commerce Law (art.9); a role the code names platform
  // operator does not establish it, so the name is rendered word by word.
  'platform operator': '平台运营方',
};

/** The rendering a summary uses: the commercial form where the glossary gives one, without notes. */
function primary(zh: string): string {
  const commercial = /商务: ([^)]+)\)/.exec(zh);
  if (commercial) return commercial[1]!.trim();
  return zh.replace(/\s*\(.*$/, '').replace(/…$/, '').trim();
}

function glossaryPairs(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of GLOSSARY.split('\n').slice(1)) {
    const [en = '', zh = ''] = line.split('\t');
    const english = en.replace(/\s*\(.*?\)/g, '').split(' / ');
    const chinese = zh.split(' / ');
    english.forEach((term, index) => {
      const rendering = chinese.length === english.length ? chinese[index] : chinese[0];
      if (term.trim() && rendering) pairs.push([term.trim(), primary(rendering)]);
    });
  }
  return pairs;
}

describe('the word list follows the glossary', () => {
  it('renders every glossary term it knows as the glossary does', () => {
    const checked: string[] = [];
    const disagreements: string[] = [];
    for (const [english, chinese] of glossaryPairs()) {
      const name = chineseName(english);
      if (!name) continue;
      checked.push(english);
      const expected = OTHER_SENSE[english] ?? chinese;
      if (name.text !== expected) disagreements.push(`${english}: ${name.text} ≠ ${expected}`);
    }
    expect(disagreements).toEqual([]);
    // The comparison covers the terms summaries use most, so it cannot pass by comparing nothing.
    expect(checked).toEqual(expect.arrayContaining(['buyer', 'seller', 'escrow', 'price', 'refund', 'fee', 'letter of credit', 'beneficiary', 'milestone', 'deposit']));
  });
});
