/**
 * Review 9 (F6–F9): code the analysis cannot read (inline assembly) must not make a sentence elsewhere false.
 * A value the assembly may write is unknown, never its Solidity initial value; an action is said to always
 * fail only when every path is understood; a payment whose answer the assembly reads, or whose payee's
 * balance is checked after it, is not "unchecked". `uint256(-1)`, `type(uint256).max`, `~uint256(0)` and
 * `2**256 - 1` are the largest uint256, never "-1".
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const DUES = 'tests/fixtures/core/PulledDues.sol';
const ENDS = 'tests/fixtures/core/AssemblyEnds.sol';

describe('review 9: inline assembly and the largest numbers', { timeout: 120_000 }, () => {
  it('solc 0.4: a helper whose answer is set in assembly is unknown, so the action is described, not said to always fail', async () => {
    const { of, all } = await read(DUES, 'PulledDues');
    expect(all.some((s) => /Every call to `pay` fails/.test(s))).toBe(false);
    expect(of('action:pay(')).toContain('`pay` sets the Next Due of the given Member to the Period (`period`) after the call.');
    expect(of('action:pay(')).toContain('The contract moves the Dues of the token at `token` from the given Member to the Club; the payer must have approved this contract to take it, and the money does not pass through the contract.');
    // F7, F8: the token it moves and the time it waits for are stated.
    expect(of('key-fact:money')[0]).toMatch(/^Money: the token at `token`, counted in its smallest unit;.* it moves tokens from the given Member \(`member`\) to the Club \(through `pay` and `payAhead`\)/);
    expect(of('key-fact:deadline')[0]).toMatch(/^Opens: `pay`, which anyone may call, can succeed only at or after the Next Due \(`nextDue`\) of the given Member/);
    expect(all.some((s) => /no action depends on the time/.test(s))).toBe(false);
  });

  it('a payment the assembly checks, or whose payee’s balance is checked after it, is not said to go unchecked', async () => {
    const { of, all } = await read(DUES, 'PulledDues');
    // `pay`: the dues by the Club's balance before and after; the tip by the helper reading the token's answer.
    expect(of('action:pay(').filter((s) => /does not check/.test(s))).toEqual([]);
    expect(all.some((s) => /^`pay` does not check that a payment succeeded/.test(s))).toBe(false);
    // `payAhead`: the helper reads what `balanceOf` returned, after the transfer: the transfer stays unchecked.
    expect(of('action:payAhead(')).toContain('The code does not check that this transfer succeeded; with a token that returns `false` instead of failing, `payAhead` still completes though nothing moved, and the money stays with the payer.');
  });

  it('a stored time set to the largest uint256 reads as such, never as -1, and is explained', async () => {
    const { of, all, terms } = await read(DUES, 'PulledDues');
    expect(of('action:cancel()')).toContain('`cancel` sets the Next Due (`nextDue`) of the caller to the largest possible number (2²⁵⁶ − 1).');
    expect(all.some((s) => /`-1`|\bto -1\b/.test(s))).toBe(false);
    expect(terms.notExplained.map((n) => n.code)).not.toContain('nextDue[msg.sender] = uint256(-1)');
    // A mapping entry of times is a stored deadline, with what sets it.
    expect(of('deadline:nextDue')[0]).toBe('The Next Due (`nextDue`) of the given Member (`member`) is set by `pay` to the Period (`period`) after the call and set by `cancel` to the largest possible number (2²⁵⁶ − 1).');
    expect(all.some((s) => /worked out from other values/.test(s))).toBe(false);
  });

  it('assembly that may end the call before a revert: the action is not said to always fail', async () => {
    const { of, all } = await read(ENDS, 'AssemblyEnds');
    expect(all.some((s) => /Every call to `setLimit` fails/.test(s))).toBe(false);
    expect(of('action:setLimit(')).toContain('`setLimit` sets the Limit (`limit`) to the given Value (`value`).');
  });

  it('type(uint256).max, ~uint256(0) and 2**256 - 1 are the largest number; a smaller type’s maximum is its number', async () => {
    const { of } = await read(ENDS, 'AssemblyEnds');
    expect(of('action:openEnded()')).toContain('`openEnded` sets the Limit (`limit`) to the largest possible number (2²⁵⁶ − 1).');
    expect(of('action:openEnded()')).toContain('`openEnded` sets the Small Limit (`smallLimit`) to 18,446,744,073,709,551,615.');
    expect(of('action:allBits()')).toContain('`allBits` sets the Cap (`cap`) to the largest possible number (2²⁵⁶ − 1).');
    expect(of('action:powerOfTwo()')).toContain('`powerOfTwo` sets the Cap (`cap`) to the largest possible number (2²⁵⁶ − 1).');
  });
});
