/**
 * Risks read from how a payment is made: an unchecked incoming token payment (not with SafeERC20), and a
 * push its recipient can refuse, which locks money in only where nothing else pays it out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/extract/SafePledges.sol';
const NO_SWEEP: [string, string] = ['buyer.transfer(address(this).balance);', 'buyer.transfer(0);'];
/** The sentences of the Risks section (an author's comment may use the same words). */
const risks = (r: { statements: { section: string; text: string }[] }) => r.statements.filter((s) => s.section === 'risks').map((s) => s.text);
const CALL: string = '(bool ok, ) = seller.call{value: price}("");';

/** The fixture with one change, summarised from a copy beside the original (its imports resolve the same way). */
async function changed(contract: string, ...edits: [string, string][]) {
  const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-pledges-'));
  const file = path.join(folder, 'SafePledges.sol');
  let text = readFileSync(FILE, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  try {
    return await read(file, contract);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('an incoming token payment', { timeout: 60_000 }, () => {
  it('taken with SafeERC20 carries no risk of a pledge credited without payment', async () => {
    const { all, terms } = await read(FILE, 'SafePledges');
    expect(terms.risks.map((r) => r.kind)).not.toContain('unchecked-incoming');
    expect(all.some((s) => /arrived|moved nothing/.test(s))).toBe(false);
  });

  it('taken with a plain transferFrom whose result is ignored, credits the pledger although nothing arrived', async () => {
    const { all } = await changed('SafePledges', ['token.safeTransferFrom(msg.sender, address(this), amount);', 'token.transferFrom(msg.sender, address(this), amount);']);
    expect(all).toContain(
      '`pledge` does not check that the tokens it takes in arrived: with a token that returns `false` instead of failing, a transfer that moved nothing does not by itself make the action fail. If the action goes ahead without the tokens, it still increases the Pledged (`pledged`) of the caller, and `refund` can then pay an amount read from that record out of tokens others paid in.',
    );
  });

  it('taken with a transferFrom whose result is required, carries no such risk', async () => {
    const { terms } = await changed('SafePledges', ['token.safeTransferFrom(msg.sender, address(this), amount);', 'require(token.transferFrom(msg.sender, address(this), amount), "no tokens");']);
    expect(terms.risks.map((r) => r.kind)).not.toContain('unchecked-incoming');
  });
});

describe('a push the recipient can refuse', { timeout: 60_000 }, () => {
  it('does not lock the money in when another action pays out the balance', async () => {
    const sale = await read(FILE, 'PushSaleWithExit');
    expect(risks(sale).some((s) => /refuses ETH/.test(s))).toBe(false);
  });

  it('locks it in when nothing else pays it out and the Seller cannot be replaced', async () => {
    const { all, statements } = await changed('PushSaleWithExit', NO_SWEEP);
    const sentence = 'If the Seller (`seller`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `settle` that would pay it fails. What `settle` would release then stays in the contract: no other action releases it.';
    expect(all).toContain(sentence);
    expect(statements.find((s) => s.text === sentence)?.source?.line).toBe(61);
  });

  it('a `call` whose failure a require turns into the action’s failure is such a push too; one whose failure is let pass is not', async () => {
    const required = await changed('PushSaleWithExit', NO_SWEEP, ['seller.transfer(price);', `${CALL} require(ok, "failed");`]);
    expect(required.all.some((s) => s.startsWith('If the Seller (`seller`) is a contract that refuses ETH, every call to `settle` that would pay it fails. What `settle` would release then stays'))).toBe(true);
    const passed = await changed('PushSaleWithExit', NO_SWEEP, ['seller.transfer(price);', `${CALL} if (!ok) { price = price; }`]);
    expect(risks(passed).some((s) => /refuses ETH/.test(s))).toBe(false);
  });

  it('does not lock the money in when the caller may choose another branch that releases it', async () => {
    const chosen = await read(FILE, 'ChosenPayee');
    expect(risks(chosen).some((s) => /refuses ETH/.test(s))).toBe(false);
    // Without the other branch, the Seller's refusal locks the price in.
    const single = await changed('ChosenPayee', ['else buyer.transfer(price);', ''], ['if (toSeller) seller.transfer(price);', 'seller.transfer(price);']);
    expect(single.all.some((s) => s.startsWith('If the Seller (`seller`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `decide` that would pay it fails. What `decide` would release then stays'))).toBe(true);
  });

  it('a push of the whole balance locks in what any action took in, unless another action pays ETH out', async () => {
    const whole = await changed('ChosenPayee', ['else buyer.transfer(price);', ''], ['if (toSeller) seller.transfer(price);', 'seller.transfer(address(this).balance);']);
    expect(whole.all.some((s) => s.startsWith('If the Seller (`seller`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `decide` that would pay it fails. What `decide` would release then stays'))).toBe(true);
    const refund = await changed('PushSaleWithExit', ['seller.transfer(price);', 'seller.transfer(address(this).balance);']);
    expect(risks(refund).some((s) => /refuses ETH/.test(s))).toBe(false);
  });

  it('a selfdestruct in another action is a way out for ETH', async () => {
    const single: [string, string][] = [['else buyer.transfer(price);', ''], ['if (toSeller) seller.transfer(price);', 'seller.transfer(price);']];
    const kill: [string, string] = ['price += msg.value;\n    }', 'price += msg.value;\n    }\n\n    function close() external {\n        selfdestruct(buyer);\n    }'];
    const destructed = await changed('ChosenPayee', ...single, kill);
    expect(risks(destructed).some((s) => /What `decide` would release then stays/.test(s))).toBe(false);
  });
});
