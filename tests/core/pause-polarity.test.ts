/**
 * A pause is read from which way each action's check points: `whenNotPaused` actions stop while it stands,
 * `whenPaused` ones can be used only then, and the rest stay open. An author's comment that is right about
 * this is not called an overstatement, and one comment never gets both verdicts on who may call.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/RunningAuction.sol';

describe('pause polarity (a Nouns-style auction house)', { timeout: 60_000 }, () => {
  it('says what stops, what works only while paused, and what stays open', async () => {
    const { of } = await read(FILE, 'RunningAuction');
    expect(of('power:')).toContain(
      'The Owner (`_owner`) may pause the contract alone, by calling `pause`; while it is paused, `settleAndStartNext` cannot be used, but `bid` still can. `settle` can be used only while the contract is paused.',
    );
    // The action that needs the pause is not listed among those the pause stops, nor is the way out of it.
    expect(of('power:').some((s) => /`settle`(, `unpause`)?,? and `unpause` cannot be used|`settle` cannot be used|`unpause` cannot be used/.test(s))).toBe(false);
  });

  it('a right comment on the pause is neither contradicted nor called an overstatement', async () => {
    const { all, of } = await read(FILE, 'RunningAuction');
    expect(all).toContain('Matches: only the Owner (`_owner`) may call `pause`.');
    expect(all.filter((s) => s.startsWith('Contradicts'))).toEqual([]);
    expect(of('risk:').filter((s) => /comment on `pause`/.test(s))).toEqual([]);
  });

  it('the same in Chinese', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const { documents } = await summarize([FILE], { contracts: ['RunningAuction'], formats: ['json'], language: 'zh', cache: false });
    const texts = documents[0]!.contracts[0]!.statements.map((s) => s.text);
    expect(texts).toContain('合约所有者（`_owner`）可单方调用 `pause`暂停本合约；暂停期间，`settleAndStartNext`无法执行，但`bid`仍可执行。`settle`仅可在合约暂停期间执行。');
  });

  it('reads OpenZeppelin 5 Pausable the same way', async () => {
    const { of } = await read('tests/fixtures/core/EmergencyExit.sol', 'EmergencyExit');
    expect(of('power:')).toContain(
      'The Owner (`_owner`) may pause the contract alone, by calling `pause`; while it is paused, `deposit` cannot be used, but `withdraw` still can. `emergencyExit` can be used only while the contract is paused.',
    );
  });
});
