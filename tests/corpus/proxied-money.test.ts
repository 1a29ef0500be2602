/**
 * Money that moves only through another contract's code (review 4, A2 and C5): RequestNetwork's
 * ERC20EscrowToPay takes tokens in by a `delegatecall` to its payment proxy and pays out by approving that
 * proxy and calling it. The summary must never say it handles no money; it says what the code proves (who
 * is approved for what, which function is called with which arguments) and that the rest is the proxy's.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/third-party/request-network/ERC20EscrowToPay.sol';
const REQUEST = 'the given Request as it stood before the call';
const OWN = 'tests/fixtures/core/ApprovedPayer.sol';

describe('money through an approved proxy and a delegatecall', { timeout: 60_000 }, () => {
  it('Key facts and Money say money can move through the proxy, never that none is handled', async () => {
    const { all, of } = await read(FILE, 'ERC20EscrowToPay');
    const moves = 'money can move through the code of the Payment Proxy (`paymentProxy`), which is not part of this summary: `payEscrow` runs it as this contract\'s own (a delegatecall), and `payRequestFromEscrow`, `completeEmergencyClaim`, and `refundFrozenFunds` let it take a token this contract holds and then call it.';
    expect(of('key-fact:money')).toEqual([`Money: no payment that the code makes itself; ${moves}`]);
    expect(of('money:none-out')).toEqual([`No action pays money out of the contract by its own code; ${moves}`]);
    expect(all.some((s) => /none handled by the code|No action that plainterms could read pays money out/.test(s))).toBe(false);
  });

  it('each payout approves the proxy for any amount when needed, then calls it naming the receiver and the amount', async () => {
    const { of } = await read(FILE, 'ERC20EscrowToPay');
    const [approval, call] = of('action:payRequestFromEscrow(bytes):external-call:');
    expect(approval).toBe(`If the result of \`allowance\` on the Token Address of the given Request for this contract and the Payment Proxy (\`paymentProxy\`) is less than the Amount of ${REQUEST}, \`payRequestFromEscrow\` tries to let the Payment Proxy take any amount of the token at the Token Address of ${REQUEST} held by this contract (an ERC-20 approval whose failure the code does not check); what the Payment Proxy takes with it is decided by its code, which is not part of this summary.`);
    expect(call).toBe(`\`payRequestFromEscrow\` calls \`transferFromWithReferenceAndFee\` on the Payment Proxy with \`_tokenAddress\` set to the Token Address of ${REQUEST}, \`_to\` set to the Payee of ${REQUEST}, \`_amount\` set to the Amount of ${REQUEST}, \`_paymentReference\` set to the given Payment Ref (\`_paymentRef\`), \`_feeAmount\` set to zero, and \`_feeAddress\` set to the zero address; what that call moves, and to whom, is decided by the code of the Payment Proxy, which is not part of this summary and may take the token at the Token Address of ${REQUEST} from this contract (the approval above).`);
    expect(of('action:refundFrozenFunds(bytes):external-call:2')[0]).toContain(`\`_to\` set to the Payer of ${REQUEST}`);
    expect(of('action:approvePaymentProxyToSpend(address):external-call:1')).toEqual([
      '`approvePaymentProxyToSpend` tries to let the Payment Proxy (`paymentProxy`) take any amount of whichever token the caller names (`_erc20Address`) held by this contract (an ERC-20 approval whose failure the code does not check); what the Payment Proxy takes with it is decided by its code, which is not part of this summary.',
    ]);
  });

  it('the delegatecall is read by the function its data names, stated as code run as this contract\'s own, and left under Not explained', async () => {
    const { all, of } = await read(FILE, 'ERC20EscrowToPay');
    expect(of('action:payEscrow(address,address,uint256,bytes,uint256,address):external-call:1')).toEqual([
      '`payEscrow` runs `transferFromWithReferenceAndFee` of the Payment Proxy (`paymentProxy`) as this contract\'s own code (a delegatecall), with `_tokenAddress` set to the given Token Address, `_to` set to this contract, `_amount` set to the given Amount, `_paymentReference` set to the given Payment Ref (`_paymentRef`), `_feeAmount` set to the given Fee Amount, and `_feeAddress` set to the given Fee Address (`_feeAddress`). That code acts on this contract\'s records and on everything it holds; what it moves, and to whom, is decided by that code, which is not part of this summary; if that code fails, `payEscrow` fails and nothing changes.',
    ]);
    expect(all).toContain('`payEscrow` runs code of another contract at the Payment Proxy (`paymentProxy`) as this contract\'s own (a delegatecall): that code can change anything this contract records and move anything it holds, and it is not part of this summary.');
    expect(all.some((s) => /`payEscrow` relies on another contract/.test(s))).toBe(false);
    expect(all.filter((s) => s.startsWith('In `payEscrow`, plainterms could not translate the delegatecall'))).toHaveLength(1);
    // The success flag is read as the call's outcome, not as raw code in a condition.
    expect(all.some((s) => /abi\.encodeWithSignature/.test(s) && !s.startsWith('In `payEscrow`'))).toBe(false);
  });

  it('an allowance reset to zero, then set to the instalment: the call names the last approval; an ERC-721 approve is no approval of an amount', async () => {
    const { all, of } = await read(OWN, 'ApprovedPayer');
    expect(of('key-fact:money')).toEqual([
      'Money: the token at `token`, counted in its smallest unit; no payment out that the code makes itself; money can move through the code of the Router (`router`), which is not part of this summary: `collect` lets it take a token this contract holds and then calls it.',
    ]);
    expect(of('action:collect():external-call:')).toEqual([
      '`collect` sets to zero what the Router (`router`) may take of the token at `token` held by this contract (an ERC-20 approval).',
      '`collect` lets the Router take up to the Instalment of the token at `token` held by this contract (an ERC-20 approval); what the Router takes with it is decided by its code, which is not part of this summary.',
      '`collect` calls `pay` on the Router with `token` set to the Token, `to` set to the Merchant (`merchant`), and `amount` set to the Instalment; what that call moves, and to whom, is decided by the code of the Router, which is not part of this summary and may take the token at `token` from this contract (the approval above).',
    ]);
    expect(all).toContain('`lendBadge` calls `approve` on the Badges (`badges`), another contract whose code is not part of this summary.');
    expect(all.some((s) => /the code never pays money out/.test(s))).toBe(false);
  });

  it('a library of OpenZeppelin\'s names that returns a success flag does not revert: unchecked unless a require reads the flag', async () => {
    const { all, of } = await read(OWN, 'FlagPayer');
    expect(of('action:pay(uint256):')).toContain('The code does not check that these tokens arrived: this `safeTransferFrom` reports a failure instead of reverting, and its result is not checked, so `pay` goes ahead even if nothing arrived.');
    expect(of('action:pay(uint256):')).toContain('The code does not check that this payment succeeded; if it fails, `pay` still completes and the money stays in the contract.');
    expect(all).toContain('`pay` does not check that the tokens it takes in arrived: its `safeTransferFrom` reports a failure instead of reverting, and the result is not checked, so the action goes ahead even if nothing arrived.');
    expect(of('action:payChecked(uint256):').some((s) => /does not check/.test(s))).toBe(false);
  });
});
