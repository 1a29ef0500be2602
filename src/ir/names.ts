/**
 * Defined terms from code names: issuingBank → "Issuing Bank", DEPOSIT_BPS → "Deposit BPS", _owner → "Owner",
 * i_buyer → "Buyer", disputeIDtoTxID → "Dispute ID to Transaction ID". Letter case and spacing change, a
 * storage-style prefix is dropped (`_`, `i_` immutable, `s_` storage, `m_` member, `g_` global), and a
 * programmer's abbreviation is written out (`tx` → "Transaction", `sig` → "Signature"); no other words are
 * added, so this stays language-neutral (the Chinese templates show the same label beside its code name).
 */
const ACRONYMS = new Set(['bps', 'eth', 'id', 'uri', 'url', 'lc', 'erc', 'nft', 'fob', 'cif', 'usd', 'usdc', 'dai', 'ipfs', 'bol', 'kyc']);

/** Abbreviations programmers use in names, written out (each word of a name is looked up whole). */
const ABBREVIATIONS = new Map<string, string>(Object.entries({
  tx: 'transaction', txs: 'transactions', txn: 'transaction', txns: 'transactions', sig: 'signature', sigs: 'signatures',
  addr: 'address', amt: 'amount', idx: 'index', num: 'number', qty: 'quantity', bal: 'balance', msg: 'message',
  func: 'function', req: 'request', recv: 'receiver', deps: 'deposits', dep: 'deposit',
}));

/** Small words that join two parts of a name (`disputeIDtoTxID`, `billOfLading`); kept in lower case between two words. */
const CONNECTIVES = new Set(['to', 'of', 'for', 'by', 'per', 'from', 'in', 'and', 'or']);

const labels = new Map<string, string>();

export function humanise(name: string): string {
  let label = labels.get(name);
  if (label === undefined) {
    label = humaniseWords(name);
    labels.set(name, label);
  }
  return label;
}

/**
 * The name without a storage-style prefix: leading underscores, then one lower-case letter and an underscore
 * before a letter (`i_arbiterFee` → `arbiterFee`, `_s_state` → `state`). A name that is only such a prefix and
 * one more letter keeps it. Upper-case prefixes are not dropped: `X_MAX` is a constant's name, not a style.
 */
export function withoutPrefix(name: string): string {
  const bare = name.replace(/^_+|_+$/g, '');
  return /^[a-z]_[A-Za-z][A-Za-z0-9_]/.test(bare) ? bare.slice(2) : bare;
}

function humaniseWords(name: string): string {
  const words = withoutPrefix(name)
    // An acronym glued to a small joining word: `IDto` is "ID to", not "I Dto".
    .replace(/([A-Z]{2,})(to|of|for|by|per|from)(?=[A-Z0-9_]|$)/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // An acronym in the plural stays one word: `disputeIDsTo` is "Dispute IDs to", not "Dispute I Ds".
    .replace(/([A-Z]+)([A-Z][a-z])/g, (whole, head: string, next: string, at: number, text: string) =>
      next.endsWith('s') && !/[a-z]/.test(text.charAt(at + whole.length)) ? whole : `${head} ${next}`,
    )
    .split(/[_\s]+/)
    .filter(Boolean);
  return words
    .map((word, position, all) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      if (/^[A-Z]{2,}s$/.test(word) && ACRONYMS.has(lower.slice(0, -1))) return `${lower.slice(0, -1).toUpperCase()}s`;
      if (/^erc\d+$/.test(lower)) return `ERC-${lower.slice(3)}`;
      if (position > 0 && position < all.length - 1 && CONNECTIVES.has(lower)) return lower;
      const written = ABBREVIATIONS.get(lower) ?? lower;
      return written.charAt(0).toUpperCase() + written.slice(1);
    })
    .join(' ');
}
