/**
 * A trading platform attaching readable terms to an order before the buyer signs it.
 *
 *   node --import tsx examples/platform-order.ts
 *
 * Once per contract version (cache it by the sources' keccak256): compile and extract the Terms.
 * Per order: describe the calldata the buyer is about to send, render the terms the buyer is shown,
 * and store their hash with the order, so the platform can later prove which terms were shown.
 */
import { Interface, type InterfaceAbi } from 'ethers';
import { describeOrder, loadContract, renderOrder, termsHash, type OrderFacts } from '../src/orders/index.ts';

const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SELLER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

// Once per contract version.
const contract = await loadContract(['contracts/MarketplaceOrder.sol'], 'MarketplaceOrder');

// What the platform knows about the deployment (from chain: see readDeployment in src/chain).
const facts: OrderFacts = {
  tokens: { stablecoin: { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', symbol: 'TUSD', decimals: 6 } },
  state: { _paused: false },
};

// The order the buyer is about to send: 250 TUSD to the seller, delivery by 1 December 2026.
const calldata = new Interface(contract.abi as InterfaceAbi).encodeFunctionData('placeOrder', [SELLER, 250_000_000n, 1796083200n]);
const order = describeOrder(contract, { data: calldata, from: BUYER }, facts);

// What the buyer is shown, and the proof of it.
const shown = renderOrder(order, contract.terms, { format: 'md', hash: termsHash(order) });
const record = {
  orderId: 'ORD-2026-0001',
  calldata,
  terms: { markdown: shown, termsHash: termsHash(order), contractTermsHash: order.contractHash, unmetConditions: order.unmet },
};

process.stdout.write(`${shown}\n`);
process.stdout.write(`${JSON.stringify({ ...record, terms: { ...record.terms, markdown: `${shown.length} characters` } }, null, 2)}\n`);
