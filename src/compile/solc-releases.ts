/**
 * The solc releases plainterms can use, and the choice of one for a set of version pragmas.
 * Older series are closed, so the list is written as ranges; 0.4.13 is the first release on npm
 * whose standard JSON output has the compact AST.
 */
import semver from 'semver';

const SERIES: [minor: number, first: number, last: number][] = [
  [4, 13, 26],
  [5, 0, 17],
  [6, 0, 12],
  [7, 0, 6],
  [8, 0, 37],
];

/** Every known release, oldest first. */
export const SOLC_RELEASES: readonly string[] = SERIES.flatMap(([minor, first, last]) =>
  Array.from({ length: last - first + 1 }, (_, i) => `0.${minor}.${first + i}`),
);

/** The oldest release plainterms reads (compact AST in standard JSON). */
export const OLDEST_SUPPORTED = SOLC_RELEASES[0];

/** Solidity writes `^0.8.0`, `>=0.4.22 <0.6.0`, `0.7.6`; the same as node-semver ranges. */
export function parsePragmaRange(text: string): semver.Range | null {
  try {
    return new semver.Range(text.trim().replace(/\s+/g, ' '));
  } catch {
    return null;
  }
}

/** True when `version` satisfies every range. */
export function satisfiesAll(version: string, ranges: readonly semver.Range[]): boolean {
  return ranges.every((range) => semver.satisfies(version, range));
}

/**
 * The release to use among `versions`: of those that satisfy every range, the newest patch of the
 * oldest minor series. A pragma's lower bound is the series the code was written for, while its upper
 * bound is often a hope: OpenZeppelin 3.4 says `>=0.6.0 <0.8.0` but does not compile with 0.7
 * (`using … for` stopped being inherited in 0.7.0). Patches within a series do not break code.
 */
export function preferredRelease(versions: readonly string[], ranges: readonly semver.Range[]): string | null {
  const matching = versions.filter((version) => semver.valid(version) !== null && satisfiesAll(version, ranges));
  if (matching.length === 0) return null;
  const series = (version: string) => semver.major(version) * 1000 + semver.minor(version);
  const oldestSeries = Math.min(...matching.map(series));
  return matching.filter((version) => series(version) === oldestSeries).sort(semver.rcompare)[0];
}

/** The release to suggest installing: the preferred known one, else the lowest the ranges allow. */
export function suggestRelease(ranges: readonly semver.Range[]): string | null {
  const known = preferredRelease(SOLC_RELEASES, ranges);
  if (known !== null) return known;
  const lowest = ranges.map((range) => semver.minVersion(range)?.version ?? null);
  const candidate = lowest.filter((v): v is string => v !== null).sort(semver.rcompare)[0] ?? null;
  return candidate !== null && satisfiesAll(candidate, ranges) ? candidate : null;
}
