/** The contracts the benchmarks measure: the bundled examples, as [file, contract name]. */
export const BUNDLED = ['FobSale', 'ArbiterEscrow', 'LetterOfCredit', 'MilestoneEscrow', 'ConsignmentAuction', 'MarketplaceOrder'];

export const BUNDLED_FILES: [file: string, name: string][] = BUNDLED.map((name) => [`contracts/${name}.sol`, name]);
