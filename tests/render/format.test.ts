import { describe, expect, it } from 'vitest';
import {
  checksumAddress,
  formatBps,
  formatDuration,
  formatEthAmount,
  formatInteger,
  formatList,
  formatSourceRef,
  isRoundEth,
  sharePercent,
} from '../../src/render/format.ts';
import { wrapText } from '../../src/render/text-helpers.ts';

describe('value formatting', () => {
  it('turns wei into exact ETH, with no rounding', () => {
    expect(formatEthAmount('1000000000000000000', 'en')).toBe('1');
    expect(formatEthAmount('1500000000000000000', 'en')).toBe('1.5');
    expect(formatEthAmount('1', 'en')).toBe('0.000000000000000001');
    expect(formatEthAmount('123456789012345678901', 'en')).toBe('123.456789012345678901');
    expect(formatEthAmount('2500000000000000000000', 'en')).toBe('2,500');
  });

  it('shows the exact wei only when the ETH figure is not round', () => {
    expect(isRoundEth('1500000000000000000')).toBe(true);
    expect(isRoundEth('123456789012345678')).toBe(false);
  });

  it('groups big integers exactly', () => {
    expect(formatInteger('115792089237316195423570985008687907853269984665640564039457584007913129639935', 'en')).toBe(
      '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457,584,007,913,129,639,935',
    );
  });

  it('reads basis points as a percentage', () => {
    expect(formatBps('3000', 'en')).toBe('30%');
    expect(formatBps('250', 'en')).toBe('2.5%');
    expect(formatBps('1', 'en')).toBe('0.01%');
    expect(sharePercent('15', '1000')).toBe('1.5');
  });

  it('states durations in the largest exact units', () => {
    expect(formatDuration('2592000', 'en')).toBe('30 days');
    expect(formatDuration('86400', 'en')).toBe('1 day');
    expect(formatDuration('90000', 'en')).toBe('1 day, 1 hour');
    expect(formatDuration('604800', 'en')).toBe('7 days');
    expect(formatDuration('1209600', 'en', 'weeks')).toBe('2 weeks');
    expect(formatDuration('45', 'en')).toBe('45 seconds');
    expect(formatDuration('0', 'en')).toBe('0 seconds');
  });

  it('formats durations for another locale through Intl', () => {
    expect(formatDuration('2592000', 'zh')).toBe('30天');
  });

  it('checksums addresses and joins lists for the locale', () => {
    expect(checksumAddress('0x000000000000000000000000000000000000dead')).toBe('0x000000000000000000000000000000000000dEaD');
    expect(formatList(['the Buyer', 'the Seller', 'the Arbiter'], 'en')).toBe('the Buyer, the Seller, and the Arbiter');
    expect(formatList(['the Buyer', 'the Seller'], 'en', 'disjunction')).toBe('the Buyer or the Seller');
  });

  it('cites sources as file name and lines', () => {
    expect(formatSourceRef({ path: 'contracts/FobSale.sol', line: 110, endLine: 114 })).toBe('FobSale.sol:110-114');
    expect(formatSourceRef({ path: 'contracts/FobSale.sol', line: 12, endLine: 12 })).toBe('FobSale.sol:12');
  });

  it('wraps plain text with a hanging indent', () => {
    const wrapped = wrapText('one two three four five six', 12, 2, '- ');
    expect(wrapped).toBe('- one two\n  three four\n  five six');
  });
});

describe('wrapping Chinese', () => {
  it('breaks between characters but never before closing punctuation', () => {
    const wrapped = wrapText('收款方为卖方（通过`confirmShipment`）。', 30, 2);
    for (const line of wrapped.split('\n')) expect(line.trimStart()).not.toMatch(/^[，。；：、）]/);
    expect(wrapped.replace(/\n\s*/g, '')).toBe('收款方为卖方（通过`confirmShipment`）。');
  });
});
