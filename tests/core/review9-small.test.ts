/**
 * Small findings of review 9. Tokens are not parties, also when the token is read from a record the call clears (review 9 M9: "Token
 * Contract" listed as a party of an OTC escrow); and an owner set from a value that also sets other parties is
 * the Owner, not named after that value (review 9 U4: "Initial Address (the owner)"). Only a number has an
 * upper limit to set (U12: "no upper limit on the … flag").
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

describe('who is a party', () => {
  it('a token read from a cleared record is not a party; one address setting three roles names none of them', async () => {
    const { of, terms } = await read('tests/fixtures/core/ClearedTrades.sol', 'ClearedTrades');
    expect(terms.parties.map((p) => p.label).sort()).toEqual(['Arbitrator', 'Buyer', 'Owner', 'Relayer', 'Seller']);
    expect(of('key-fact:parties')[0]).toMatch(/^Parties: Owner \(`owner`\), Arbitrator \(`arbitrator`\), Relayer \(`relayer`\), Seller \(`seller`\), and Buyer \(`buyer`\);/);
  });
});

describe('limits', () => {
  it('a flag an owner may switch has no upper limit to speak of; a fee does (review 9 U12)', async () => {
    const { all } = await read('tests/fixtures/core/SwitchedFee.sol', 'SwitchedFee');
    expect(all).toContain('The code sets no upper limit on the Fee (`fee`), which the Owner (`owner`) may set through `setFee`.');
    expect(all.some((s) => /no upper limit on the Emergency/.test(s))).toBe(false);
  });
});

describe('a one-sided exit paid in ETH or in a token', () => {
  it('names the payee once and says it pays, since one branch or the other always does (review 9 U1)', async () => {
    const { of } = await read('tests/fixtures/core/EitherAssetRelease.sol', 'EitherAssetRelease');
    expect(of('power:1')[0]).toMatch(/`release` pays out to the Host of the given Escrow \(`escrows\[id\]`\)\.$/);
  });
});

describe('Chinese: a token kept in a record', () => {
  it('a record field named Token already reads 代币: the noun is not doubled (review 9, zh)', async () => {
    const { documents } = await summarize(['tests/fixtures/core/EitherAssetRelease.sol'], { contracts: ['EitherAssetRelease'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    const zh = documents[0]!.contracts[0]!.statements.map((s) => (s.cells ? s.cells.join(' | ') : s.text));
    expect(zh.some((s) => s.includes('的代币（`token`）'))).toBe(true);
    expect(zh.filter((s) => /代币代币|代币（`token`）代币/.test(s))).toEqual([]);
  });
});
