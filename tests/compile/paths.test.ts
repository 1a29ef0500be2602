import { describe, expect, it } from 'vitest';
import { toDisplayPath, toPackagePath } from '../../src/compile/paths.ts';

describe('display paths', () => {
  it('shows a file in node_modules as its package path, not node_modules/…', () => {
    const file = '/home/ana/deal/node_modules/@openzeppelin/contracts/access/Ownable.sol';
    expect(toDisplayPath(file, '@openzeppelin/contracts/access/Ownable.sol', '/home/ana/deal')).toBe('@openzeppelin/contracts/access/Ownable.sol');
  });

  it('uses the innermost node_modules of a nested install', () => {
    expect(toPackagePath('/p/node_modules/a/node_modules/@acme/terms/Terms.sol')).toBe('@acme/terms/Terms.sol');
    expect(toPackagePath('/p/contracts/Deal.sol')).toBeNull();
  });

  it("shows the user's own files relative to the working directory", () => {
    expect(toDisplayPath('/home/ana/deal/contracts/Sale.sol', 'contracts/Sale.sol', '/home/ana/deal/contracts')).toBe('Sale.sol');
  });

  it('keeps a project that itself lives inside node_modules relative to the working directory', () => {
    expect(toDisplayPath('/x/node_modules/pkg/contracts/A.sol', 'contracts/A.sol', '/x/node_modules/pkg')).toBe('contracts/A.sol');
  });

  it('falls back to the unit name for a file outside the working directory and node_modules', () => {
    expect(toDisplayPath('/elsewhere/lib/Fees.sol', 'lib/Fees.sol', '/home/ana/deal')).toBe('lib/Fees.sol');
  });
});
