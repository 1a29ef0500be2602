/**
 * Chinese statements are Chinese: no English word outside backticks. What may stay, and why:
 * - units and standards, as WRITING.md allows (ETH, EVM, wei, gwei, ERC-20, ERC-721, EIP-712, NFT, ID, UTC and Unix time),
 *   and a token's own symbol (USDC) when the caller names it: the token contract's data, not a word;
 * - numbers in hexadecimal (addresses, hashes: 0x3f…a1);
 * - proper names no translation replaces: the language Solidity, the compiler solc, keccak256, plainterms;
 * - text the code itself holds, quoted in “…” (the author's NatSpec, a revert message): translating a
 *   quotation would put words in the author's mouth;
 * - the English of a name in brackets beside its Chinese rendering, the first time only
 *   (承包方（Contractor，`contractor`）): once per name in a summary.
 */
const ALLOWED = /^(?:ETH|EVM|wei|gwei|ERC-?\d+|EIP-?\d+|NFTs?|IDs?|UTC|Unix|Solidity|solc|keccak256|plainterms)$/;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’-]*/g;
const BRACKETED_ENGLISH = /（([A-Za-z][A-Za-z0-9 '’-]*)(?=[，）])/g;

/** English words a Chinese summary's statements show outside code, quotations and first-mention brackets. */
export function strayEnglish(texts: string[], symbols: string[] = []): string[] {
  const bracketed = new Map<string, number>();
  const stray: string[] = [];
  for (const text of texts) {
    const bare = text.replace(/`[^`]*`/g, ' ').replace(/“[^”]*”/g, ' ').replace(/\b0x[0-9a-fA-F]+/g, ' ');
    const outside = bare.replace(BRACKETED_ENGLISH, (_match, english: string) => {
      bracketed.set(english, (bracketed.get(english) ?? 0) + 1);
      return '（';
    });
    for (const word of outside.match(LATIN_WORD) ?? []) if (!ALLOWED.test(word) && !symbols.includes(word)) stray.push(word);
  }
  for (const [english, count] of bracketed) if (count > 1) stray.push(`（${english}） ×${count}`);
  return stray;
}

