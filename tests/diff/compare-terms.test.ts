import { describe, expect, it } from 'vitest';
import { diffFiles, type DiffDocument, renderDiff } from '../../src/diff/index.ts';
import { repo } from '../helpers/extract.ts';

const dir = 'tests/fixtures/diff';
const cache = new Map<string, Promise<DiffDocument>>();

function diff(oldName: string, newName: string): Promise<DiffDocument> {
  const key = `${oldName}→${newName}`;
  if (!cache.has(key)) cache.set(key, diffFiles(`${dir}/${oldName}`, `${dir}/${newName}`, { cwd: repo }));
  return cache.get(key)!;
}

const kinds = (doc: DiffDocument) => doc.changes.map((c) => c.kind);

describe('compareTerms on versions of the bundled contracts', () => {
  it('finds no change of terms in a refactor (comments, layout, renames, reordering, an extracted helper)', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.refactor.sol');
    expect(doc.changes).toEqual([]);
    expect(doc.same).toBe(true);
    expect(renderDiff(doc, { format: 'md', locale: 'en' })).toContain('The terms are the same');
  });

  it('reports a raised maximum commission once, with the old and new values', async () => {
    const doc = await diff('ConsignmentAuction.sol', 'ConsignmentAuction.fee.sol');
    // The constructor's comment still says "at most 1500" basis points: the raised cap contradicts it, a new risk.
    expect(kinds(doc)).toEqual(['constant-changed', 'risk-added']);
    expect(JSON.stringify(doc.changes[1].new)).toContain('Initial commission in basis points (at most 1500).');
    const [change] = doc.changes;
    expect(change.subject).toBe('MAX_COMMISSION_BPS');
    expect((change.old as { value: string }).value).toBe('1500');
    expect((change.new as { value: string }).value).toBe('2000');
    expect(renderDiff(doc, { format: 'text', locale: 'en' })).toMatch(/changes from 15% \(1,500 basis points\) to 20% \(2,000\s+basis points\)/);
  });

  it('reports a flipped deadline comparison as a changed condition', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.flip.sol');
    expect(kinds(doc)).toEqual(['condition-changed']);
    expect(doc.changes[0].action).toBe('cancel(uint256)');
    expect(JSON.stringify(doc.changes[0].old)).toContain('"op":">"');
    expect(JSON.stringify(doc.changes[0].new)).toContain('"op":">="');
  });

  it('reports the fee paid to the owner instead of the fee recipient as a redirected payment', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.redirect.sol');
    const redirected = doc.changes.filter((c) => c.kind === 'payment-redirected');
    expect(redirected).toHaveLength(1);
    expect((redirected[0].old as { toParty: string }).toParty).toBe('feeRecipient');
    expect((redirected[0].new as { toParty: string }).toParty).toBe('owner');
    expect(redirected[0].importance).toBe(2);
  });

  it('reports a new owner-only setter as a power gained, listed first', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.set-minimum.sol');
    expect(doc.changes[0].kind).toBe('power-added');
    expect(doc.changes[0].action).toBe('setMinOrderAmount(uint256)');
    expect((doc.changes[0].new as { holders: string[] }).holders).toEqual(['owner']);
    expect(kinds(doc)).toContain('condition-added');
  });

  it('reports a removed state and transition', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.no-cancel.sol');
    const state = doc.changes.find((c) => c.kind === 'state-removed');
    expect((state?.old as { state: { name: string } }).state.name).toBe('Cancelled');
    const transition = doc.changes.find((c) => c.kind === 'transition-removed');
    expect(transition?.action).toBe('cancel(uint256)');
    expect(kinds(doc)).toContain('action-removed');
  });

  it('reports a removed onlyBuyer as widened access', async () => {
    const doc = await diff('FobSale.sol', 'FobSale.open-cancel.sol');
    const access = doc.changes.filter((c) => c.kind === 'access-changed');
    expect(access).toHaveLength(1);
    expect(access[0].action).toBe('cancelIfNotShipped()');
    expect((access[0].old as { anyone: boolean }).anyone).toBe(false);
    expect((access[0].new as { anyone: boolean }).anyone).toBe(true);
  });

  it('orders changes by importance, powers and money first', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.amendment.sol');
    const ranks = doc.changes.map((c) => c.importance);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(doc.changes[0].kind).toBe('power-bounds-changed');
  });

  it('writes JSON with the schema, both sources and one sentence per change', async () => {
    const doc = await diff('MarketplaceOrder.sol', 'MarketplaceOrder.amendment.sol');
    const json = JSON.parse(renderDiff(doc, { format: 'json', locale: 'en' }));
    expect(json.schema).toBe('plainterms/diff@1');
    expect(json.old.keccak256).toMatch(/^0x[0-9a-f]{64}$/);
    expect(json.new.path).toBe('tests/fixtures/diff/MarketplaceOrder.amendment.sol');
    expect(json.changes).toHaveLength(doc.changes.length);
    for (const change of json.changes) expect(change.text.length).toBeGreaterThan(10);
  });

  it('carries the same changes in Chinese', async () => {
    for (const variant of ['amendment', 'redirect', 'no-cancel', 'set-minimum', 'flip']) {
      const doc = await diff('MarketplaceOrder.sol', `MarketplaceOrder.${variant}.sol`);
      const en = JSON.parse(renderDiff(doc, { format: 'json', locale: 'en' }));
      const zh = JSON.parse(renderDiff(doc, { format: 'json', locale: 'zh' }));
      expect(zh.changes.map((c: { kind: string }) => c.kind)).toEqual(en.changes.map((c: { kind: string }) => c.kind));
      const md = renderDiff(doc, { format: 'md', locale: 'zh' });
      expect(md).toContain(`共 ${doc.changes.length} 项条款变更`);
      for (const change of zh.changes) expect(change.text).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
