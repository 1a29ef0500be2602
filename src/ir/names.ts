/**
 * Defined terms from code names: issuingBank → "Issuing Bank", DEPOSIT_BPS → "Deposit BPS",
 * _owner → "Owner". Only letter case and spacing change; no words are added, so this stays
 * language-neutral (the Chinese templates show the same label beside its code name).
 */
const ACRONYMS = new Set(['bps', 'eth', 'id', 'uri', 'url', 'lc', 'erc', 'nft', 'fob', 'cif', 'usd', 'usdc', 'dai', 'ipfs', 'bol', 'kyc']);

const labels = new Map<string, string>();

export function humanise(name: string): string {
  let label = labels.get(name);
  if (label === undefined) {
    label = humaniseWords(name);
    labels.set(name, label);
  }
  return label;
}

function humaniseWords(name: string): string {
  const words = name
    .replace(/^_+|_+$/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean);
  return words
    .map((word) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}
