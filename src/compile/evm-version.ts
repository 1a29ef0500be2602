/**
 * The EVM version code is compiled for: solc's `evmVersion` setting, or the release's default. It decides
 * what some instructions do; `selfdestruct` only sends the balance from Cancun on (EIP-6780).
 */

/** EVM versions solc knows, oldest first. */
export const EVM_VERSIONS = [
  'homestead', 'tangerineWhistle', 'spuriousDragon', 'byzantium', 'constantinople', 'petersburg',
  'istanbul', 'berlin', 'london', 'paris', 'shanghai', 'cancun', 'prague', 'osaka',
] as const;

/** solc's default EVM version from each release on (solc's changelog). */
const DEFAULTS: [string, string][] = [
  ['0.8.31', 'osaka'],
  ['0.8.30', 'prague'],
  ['0.8.25', 'cancun'],
  ['0.8.20', 'shanghai'],
  ['0.8.18', 'paris'],
  ['0.8.7', 'london'],
  ['0.8.5', 'berlin'],
  ['0.5.14', 'istanbul'],
  ['0.5.5', 'petersburg'],
  ['0.4.21', 'byzantium'],
  ['0.0.0', 'homestead'],
];

/** The EVM version a solc release compiles for when the settings name none. */
export function defaultEvmVersion(solcVersion: string): string | null {
  const release = parseRelease(solcVersion);
  if (!release) return null;
  return DEFAULTS.find(([from]) => compareReleases(release, parseRelease(from)!) >= 0)?.[1] ?? null;
}

/** Whether the EVM version is Cancun or later; null for a name this list does not know. */
export function isCancunOrLater(evmVersion: string | null): boolean | null {
  const index = evmVersion === null ? -1 : (EVM_VERSIONS as readonly string[]).indexOf(evmVersion);
  return index < 0 ? null : index >= EVM_VERSIONS.indexOf('cancun');
}

function parseRelease(version: string): number[] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? match.slice(1, 4).map(Number) : null;
}

function compareReleases(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
