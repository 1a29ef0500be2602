/**
 * Names a person would use (issue 14, finding C3 of the third review): a long value the code keeps in a
 * local reads "the computed Remaining Profit" and is defined once in its action's block, with its line,
 * instead of being spelled out at every use (Zora AsksV1_1 had sentences of 21,430 characters). The model
 * the analyses read keeps the full values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';
import { ensureCompilers, FETCH_TIMEOUT } from '../versions/setup.ts';

const ASKS = 'node_modules/@zoralabs/v3/dist/contracts/modules/Asks/V1.1/AsksV1_1.sol';
const FILL = 'action:fillAsk(address,uint256,address,uint256,address)';

beforeAll(() => ensureCompilers(['0.8.10']), FETCH_TIMEOUT);

describe('computed values named as a person would', { timeout: 120_000 }, () => {
  it('Zora AsksV1_1: no sentence is unreadably long; fillAsk sentences stay under 700 characters', async () => {
    const { statements } = await read(ASKS, 'AsksV1_1');
    // The Money key fact lists five payees, the royalty recipients among them (829 characters): under 900.
    expect(statements.filter((s) => s.text.length > (s.id.startsWith('key-fact:') ? 900 : 800)).map((s) => s.id)).toEqual([]);
    expect(statements.filter((s) => s.id.startsWith(FILL) && s.text.length > 700).map((s) => s.id)).toEqual([]);
  });

  it('Zora AsksV1_1 fillAsk: the remaining profit is defined once per value it takes, true to lines 309-333', async () => {
    const { statements, of, terms } = await read(ASKS, 'AsksV1_1');
    const fill = of(FILL);
    // Ask storage ask = askForNFT[_tokenContract][_tokenId];  (line 309)
    expect(fill).toContain('In `fillAsk`, the Ask (`ask`) means the Ask for the given Token ID (`_tokenId`) in the Ask for NFT (`askForNFT`) of the given Token Contract (`_tokenContract`).');
    // (uint256 remainingProfit, ) = _handleRoyaltyPayout(…): try this._handleRoyaltyEnginePayout(…) returns (r) { return (r, true); } catch { return (_amount, false); }
    expect(fill).toContain(
      'In `fillAsk`, the computed Remaining Profit (`remainingProfit`) is set on line 319 to the result of `_handleRoyaltyEnginePayout` on this contract for the given Token Contract, the given Token ID, the Ask Price of the Ask, and the Ask Currency of the Ask if the call to `_handleRoyaltyEnginePayout` on this contract succeeded, otherwise the Ask Price of the Ask.',
    );
    // uint256 protocolFee = protocolFeeSettings.getFeeAmount(address(this), _amount);  (in _handleProtocolFeePayout, called on line 322)
    expect(fill).toContain(
      'In `fillAsk`, the computed Protocol Fee (`protocolFee`), a value of `_handleProtocolFeePayout` as called on line 322, is the result of `getFeeAmount` on the Protocol Fee Settings (`protocolFeeSettings`) for this contract and the computed Remaining Profit as set on line 319.',
    );
    // if (protocolFee == 0) return _amount; … return _amount - protocolFee;
    expect(fill).toContain('Then, on line 322, the computed Remaining Profit is set to the computed Remaining Profit as set on line 319 if the computed Protocol Fee is zero, otherwise (the computed Remaining Profit as set on line 319) minus the computed Protocol Fee.');
    // if (_finder != address(0)) { uint256 findersFee = (remainingProfit * ask.findersFeeBps) / 10000; … remainingProfit = remainingProfit - findersFee; }
    expect(fill).toContain(
      'Then, on line 329 (on some paths only; see after line 330), the computed Remaining Profit is set to (the computed Remaining Profit as set on line 322) less the Finders Fee BPS of the Ask share (in basis points) of it.',
    );
    expect(fill).toContain('After line 330, the computed Remaining Profit is the computed Remaining Profit as set on line 329 if the given Finder (`_finder`) is not the zero address, otherwise the computed Remaining Profit as set on line 322.');
    const definition = statements.find((s) => s.text.startsWith('In `fillAsk`, the computed Remaining Profit'))!;
    const action = terms.actions.find((a) => a.name === 'fillAsk')!;
    expect(definition.source).toMatchObject({ path: action.source.path, line: 319 });
    // Each value is defined before a definition uses it: the protocol fee (of the value set on line 319) before the value set on line 322.
    const order = fill.map((s) => (s.startsWith('In `fillAsk`, the computed Protocol Fee') ? 'fee' : s.startsWith('Then, on line 322') ? '322' : null)).filter(Boolean);
    expect(order).toEqual(['fee', '322']);
    // _handleOutgoingTransfer(ask.sellerFundsRecipient, remainingProfit, ask.askCurrency, USE_ALL_GAS_FLAG);  (line 333)
    expect(fill.some((s) => /the contract pays the Seller Funds Recipient of the Ask as it stood before the call ETH equal to the computed Remaining Profit as it stands after line 330\.$/.test(s))).toBe(true);
  });

  it('the analyses still see the full values: the seller’s payment amount in the model spells out the royalty call', async () => {
    const { terms } = await read(ASKS, 'AsksV1_1');
    const fill = terms.actions.find((a) => a.name === 'fillAsk')!;
    const seller = fill.payments.filter((p) => JSON.stringify(p.to).includes('sellerFundsRecipient'));
    expect(seller.length).toBeGreaterThan(0);
    for (const payment of seller) {
      expect(JSON.stringify(payment.amount)).toContain('_handleRoyaltyEnginePayout');
      expect(JSON.stringify(payment.amount)).toContain('getFeeAmount');
    }
  });

  it('Chinese names the same values with the same statements', async () => {
    const { documents } = await summarize([ASKS], { contracts: ['AsksV1_1'], languages: ['en', 'zh'], formats: ['md'], cwd: repo });
    const [en, zh] = documents.map((d) => d.contracts[0].statements);
    expect(zh.map((s) => s.id)).toEqual(en.map((s) => s.id));
    const values = zh.filter((s) => s.id.startsWith(`${FILL}:value:`)).map((s) => s.text);
    expect(values).toContain('在 `fillAsk` 中，`ask` 所指的记录为`askForNFT`中传入的参数 `_tokenContract`对应的条目中传入的参数 `_tokenId`对应的记录。');
    expect(values.some((s) => s.startsWith('在 `fillAsk` 中，计算得出的 `remainingProfit`在第 319 行被设为'))).toBe(true);
    expect(values).toContain('随后，计算得出的 `remainingProfit`在第 330 行之后为传入的参数 `_finder`不为零地址时为计算得出的 `remainingProfit`（第 329 行所设之值），否则为计算得出的 `remainingProfit`（第 322 行所设之值）。');
  });
});
