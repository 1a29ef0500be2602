import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';

// The whole document as a reviewer reads it. After a deliberate change, run `npx vitest run tests/render -u`
// and review the diff of the .md and .txt files like any other change to the wording.
describe('golden summaries', () => {
  it('FobSale in Markdown and plain text', async () => {
    const { outputs } = await summarize(['contracts/FobSale.sol'], { formats: ['md', 'text'] });
    await expect(outputs[0]!.text).toMatchFileSnapshot('golden/FobSale.en.md');
    await expect(outputs[1]!.text).toMatchFileSnapshot('golden/FobSale.en.txt');
  });

  it('MarketplaceOrder in Markdown: powers first, per-order parties, token amounts', async () => {
    const { outputs } = await summarize(['contracts/MarketplaceOrder.sol'], { formats: ['md'] });
    await expect(outputs[0]!.text).toMatchFileSnapshot('golden/MarketplaceOrder.en.md');
  });
});
