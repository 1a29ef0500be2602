/**
 * Contracts the team did not write, installed from npm (devDependencies): for each, sentences a lawyer
 * needs, and false sentences found in earlier reviews that must not come back. Every one also describes
 * every external state-changing function, and renders in English and Chinese.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo, stateChangingFunctions, extracted } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';
import { ensureCompilers, FETCH_TIMEOUT } from '../versions/setup.ts';

const KLEROS = 'node_modules/@kleros/erc-792/contracts/examples';
const OZ5 = 'node_modules/@openzeppelin/contracts';
const OZ4 = 'node_modules/@openzeppelin/contracts-v4';
const OZU = 'node_modules/@openzeppelin/contracts-upgradeable';
const ZORA = 'node_modules/@zoralabs/v3/dist/contracts/modules';
const THIRDWEB = 'node_modules/@thirdweb-dev/contracts/prebuilts';
const SABLIER = 'node_modules/@sablier/v2-core/src';

const CORPUS: [file: string, contract: string][] = [
  [`${KLEROS}/SimpleEscrow.sol`, 'SimpleEscrow'],
  [`${KLEROS}/Escrow.sol`, 'Escrow'],
  [`${KLEROS}/SimpleCentralizedArbitrator.sol`, 'SimpleCentralizedArbitrator'],
  [`${OZ5}/finance/VestingWallet.sol`, 'VestingWallet'],
  [`${OZ5}/finance/VestingWalletCliff.sol`, 'VestingWalletCliff'],
  [`${OZ4}/token/ERC20/utils/TokenTimelock.sol`, 'TokenTimelock'],
  [`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow'],
  [`${OZ4}/finance/PaymentSplitter.sol`, 'PaymentSplitter'],
  [`${OZU}/finance/VestingWalletUpgradeable.sol`, 'VestingWalletUpgradeable'],
  [`${ZORA}/ReserveAuction/Core/ETH/ReserveAuctionCoreEth.sol`, 'ReserveAuctionCoreEth'],
  [`${ZORA}/Asks/Core/ETH/AsksCoreEth.sol`, 'AsksCoreEth'],
  [`${THIRDWEB}/split/Split.sol`, 'Split'],
  [`${THIRDWEB}/marketplace/english-auctions/EnglishAuctionsLogic.sol`, 'EnglishAuctionsLogic'],
  // A payment to a party the parties list does not hold once broke rendering.
  [`${THIRDWEB}/unaudited/burn-to-claim-drop/extension/BurnToClaimDrop721Logic.sol`, 'BurnToClaimDrop721Logic'],
  [`${SABLIER}/SablierV2LockupLinear.sol`, 'SablierV2LockupLinear'],
];

/** Sentences that were false in earlier reads of these contracts, whatever the contract. */
const NEVER = [
  /the code never pays money out/,
  /credits money to the (Released|Erc20 Released|Erc20 Total Released)/,
  /the token at the zero address/,
  /clears the Values/,
  /The code never sets the (End|Start)/,
  /as it stood before the call as it stood before the call/,
];

// Zora v3 pins solc 0.8.10, fetched from npm once into the per-user cache.
beforeAll(() => ensureCompilers(['0.8.10']), FETCH_TIMEOUT);

describe.each(CORPUS)('%s', { timeout: 120_000 }, (file, contract) => {
  it('describes every external state-changing function and states none of the known false sentences', async () => {
    const { compilation, terms } = await extracted(file, contract);
    const described = terms.actions
      .filter((a) => a.kind === 'function')
      .map((a) => ({ signature: a.signature!, selector: a.selector! }))
      .sort((a, b) => a.signature.localeCompare(b.signature));
    expect(described).toEqual(stateChangingFunctions(compilation, contract));
    const { all } = await read(file, contract);
    for (const pattern of NEVER) expect(all.filter((s) => pattern.test(s)), String(pattern)).toEqual([]);
    expect(terms.notExplained.length).toBe(terms.coverage.statements - terms.coverage.explained);
  });

  it('renders in Chinese with the same statements', async () => {
    const { documents } = await summarize([file], { contracts: [contract], languages: ['en', 'zh'], formats: ['md'], cwd: repo });
    expect(documents[1].contracts[0].statements.map((s) => s.id)).toEqual(documents[0].contracts[0].statements.map((s) => s.id));
  });
});

describe('what a lawyer needs from the corpus', { timeout: 120_000 }, () => {
  it('Kleros SimpleEscrow: only the arbitrator rules; release waits for the reclamation period unless the payer releases', async () => {
    const { all } = await read(`${KLEROS}/SimpleEscrow.sol`, 'SimpleEscrow');
    expect(all).toContain('Only the Arbitrator (`arbitrator`) may call `rule`, and only if every condition below holds.');
    expect(all).toContain('The caller is the Payer (`payer`) or the call is made more than 3 minutes (`reclamationPeriod`) after the Created At time (`createdAt`) | error `ReleasedTooEarly`');
    expect(all).toContain('Nothing happens automatically 3 minutes (`reclamationPeriod`) after the Created At time (`createdAt`): someone must call `releaseFunds`.');
    // Only the Payer may reclaim; the payer is the deployer (`payer = msg.sender` in the declaration).
    expect(all).toContain('Nothing happens automatically 3 minutes (`arbitrationFeeDepositPeriod`) after the Reclaimed At time: only the Payer (`payer`) can act on it, by calling `reclaimFunds`.');
    expect(all).toContain('Payer | `payer` | set at deployment to the deployer | no action changes it');
    // After a reclaim the payer waits 3 minutes for the payee's fee, and the key fact says so with its case;
    // it is not a deadline for anyone (the payee's deposit has no time check). The first reclaim records the time;
    // the second, once the Status is Reclaimed, does not move it.
    expect(all).toContain('Deadlines counted from the Reclaimed At time (`reclaimedAt`), set by `reclaimFunds` (only if the Status is not Reclaimed) to the time of the call: if the Status is Reclaimed, `reclaimFunds` can succeed only if the call is made more than 3 minutes (`arbitrationFeeDepositPeriod`) after the Reclaimed At time.');
    expect(all.some((s) => s.startsWith('Deadline: 3 minutes'))).toBe(false);
    // A ruling of 0 resolves the dispute and pays no one.
    expect(all).toContain('Money can stay in the contract with no action to pay it out once the Status is Resolved: `rule` can lead there without paying anything out.');
    expect(all.some((s) => /anyone may call `rule` alone|The code sets no deadline/.test(s))).toBe(false);
    // The payer's reclaim is a step of the dispute procedure, not a power over the deal.
    expect(all.some((s) => /may take (money held by the contract alone|out of the contract, alone)/.test(s))).toBe(false);
  });

  it('OpenZeppelin VestingWallet: the payout depends on the time of the call and the stored start, for any token the caller names', async () => {
    const { all } = await read(`${OZ5}/finance/VestingWallet.sol`, 'VestingWallet');
    expect(all).toContain('No action is refused because of the time of the call; what `release` pays or changes depends on it (see the formulas above); nothing happens automatically at the stored dates below.');
    // The stored start is compared with the time inside `_vestingSchedule`: it is a date, not "no stored deadline".
    expect(all).toContain('If `release` is called before the Start (`_start`), the Vesting Schedule (`_vestingSchedule`) it reads is zero.');
    expect(all.some((s) => s.includes('no stored deadline is checked'))).toBe(false);
    expect(all.some((s) => s.includes('whichever token the caller names (`token`)'))).toBe(true);
    // The owner is the payee: renouncing ownership sends later payouts to the zero address.
    // release() pays ETH and release(token) a token: each overload gets the sentence for its asset.
    const renounced = all.filter((s) => s.startsWith('If the Beneficiary') && s.includes('gives up ownership (`renounceOwnership`), what `release` pays to the owner afterwards goes to the zero address: '));
    expect(renounced).toHaveLength(2);
    expect(renounced.filter((s) => s.endsWith('zero address: ETH sent there is lost.'))).toHaveLength(1);
    expect(renounced.filter((s) => s.includes('may refuse such a transfer, which leaves the tokens where they were, or accept it, and the tokens are lost.'))).toHaveLength(1);
    // A formula computed before the call says so once, after its name, not after its last argument.
    expect(all.some((s) => s.includes('the time of the call as it stood before the call'))).toBe(false);
    // The amount released (used three times) is named and defined once, as computed on line 115, before the
    // Released is increased; the formula's arguments are bracketed off from the subtraction that follows them.
    expect(all).toContain('In `release`, the computed Amount (`amount`) is (the Vesting Schedule (`_vestingSchedule`) for the ETH held by this contract plus the Released (`_released`) and the time of the call) minus the Released.');
    expect(all).toContain('The contract pays the Beneficiary (the owner, `_owner`) ETH equal to the computed Amount.');
  });

  it('OpenZeppelin VestingWallet: the owner is named by the role its constructor gives it, and handing over ownership hands over the payouts', async () => {
    const { of, statements } = await read(`${OZ5}/finance/VestingWallet.sol`, 'VestingWallet');
    expect(of('key-fact:parties')).toEqual(['Parties: Beneficiary (the owner, `_owner`); the Beneficiary can be replaced.']);
    expect(of('party:owner')).toEqual(['Beneficiary | `_owner` | the owner of the contract, set at deployment to the given Beneficiary (`beneficiary`) | changed through `renounceOwnership` and `transferOwnership`']);
    expect(statements.filter((s) => s.section === 'warning').map((s) => s.text)).toContain(
      'The Beneficiary may hand ownership of the contract to an address of their choosing, by calling `transferOwnership`; that address then receives what `release` pays to the owner.',
    );
  });

  it('OpenZeppelin VestingWallet: each overload of release has its own heading, named by its signature; the deployment records its event without saying "as it stood before"', async () => {
    const { outputs } = await summarize([`${OZ5}/finance/VestingWallet.sol`], { contracts: ['VestingWallet'], formats: ['md'], languages: ['en'], cwd: repo, cache: false });
    const headings = outputs[0].text.split('\n').filter((line) => line.startsWith('### Release'));
    expect(headings).toEqual(['### Release (`release()`)', '### Release (`release(address)`)']);
    // The event's arguments (the owner before and after) repeat the parties table: only its name is given.
    expect(outputs[0].text).toContain('- Events at deployment: `OwnershipTransferred`. [Ownable.sol:42]');
    expect(outputs[0].text).not.toMatch(/as it stood before the (call|deployment)\)?[^\n]*\[Ownable.sol:42\]/);
  });

  it('OpenZeppelin 4 PaymentSplitter: a total kept in a loop at deployment is not read as zero', async () => {
    const { all } = await read(`${OZ4}/finance/PaymentSplitter.sol`, 'PaymentSplitter');
    expect(all.some((s) => s.includes('Total Shares (`_totalShares`) is set to zero'))).toBe(false);
  });

  it('OpenZeppelin 4 TimelockController: executing a scheduled operation and changing the delay are not powers of anyone alone', async () => {
    const { statements } = await read(`${OZ4}/governance/TimelockController.sol`, 'TimelockController');
    const warnings = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warnings).toEqual([
      'Holders of the Admin Role (`adminRole`) may give a role to any address, by calling `grantRole`; a role is needed to call `schedule`, `scheduleBatch`, and `cancel`.',
      'Holders of the Admin Role may take a role away from any address, by calling `revokeRole`; a role is needed to call `schedule`, `scheduleBatch`, and `cancel`.',
    ]);
  });

  it('Sablier LockupLinear: the contract’s own address kept against delegate calls is not a party', async () => {
    const { terms } = await read(`${SABLIER}/SablierV2LockupLinear.sol`, 'SablierV2LockupLinear');
    expect(terms.parties.map((p) => p.name)).not.toContain('ORIGINAL');
  });

  it('OpenZeppelin VestingWalletCliff: an abstract contract says so first', async () => {
    const { of } = await read(`${OZ5}/finance/VestingWalletCliff.sol`, 'VestingWalletCliff');
    expect(of('key-fact:')[0]).toBe('`VestingWalletCliff` is abstract: it cannot be deployed on its own. A contract that inherits it supplies the rest, and may add to or change what is described here.');
  });

  it('OpenZeppelin TokenTimelock: the beneficiary gets the whole balance, only from the release time', async () => {
    const { all } = await read(`${OZ4}/token/ERC20/utils/TokenTimelock.sol`, 'TokenTimelock');
    expect(all).toContain('The contract | the Beneficiary (`_beneficiary`) | the token at `_token` | `release`');
    expect(all).toContain('The contract pays the Beneficiary (`_beneficiary`) all of the token at `_token` that this contract holds.');
    expect(all).toContain('Anyone may call `release`; the call goes ahead only if every condition below holds.');
    expect(all).toContain('The call is made at or after the Release Time (`_releaseTime`) | “TokenTimelock: current time is before release time”');
  });

  it('OpenZeppelin RefundEscrow: a credited deposit leaves only when the Owner calls withdraw, or with the balance', async () => {
    const { all } = await read(`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow');
    expect(all).toContain('`deposit` credits money to the Deposit (`_deposits`) of the given Refundee (`refundee`) instead of paying it out. The money leaves the contract when the Owner calls `withdraw`, or with the whole balance when anyone calls `beneficiaryWithdraw`.');
  });

  it('OpenZeppelin RefundEscrow: refunding a depositor its own deposit is not the owner taking the money', async () => {
    const { all, terms } = await read(`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow');
    expect(terms.powers.some((p) => p.kind === 'withdraw-funds')).toBe(false);
    expect(all.some((s) => /may take (money held by the contract alone|out of the contract, alone)/.test(s))).toBe(false);
  });

  it('OpenZeppelin upgradeable: an owner and roles kept in namespaced storage still restrict who may call', async () => {
    const vesting = await read(`${OZU}/finance/VestingWalletUpgradeable.sol`, 'VestingWalletUpgradeable');
    expect(vesting.all).toContain('Only the Owner (`_owner`) may call `transferOwnership`.');
    const roles = await read('tests/fixtures/core/Roles.sol', 'RoleFee');
    expect(roles.all).toContain('Only holders of the Fee Setter (`FEE_SETTER`) may call `setFee`.');
    // No code sets a role's admin, so it is the default admin role (zero) for every role.
    expect(roles.all).toContain('Only holders of the Default Admin Role (`DEFAULT_ADMIN_ROLE`) may call `grantRole`.');
  });

  it('Zora reserve auction (solc 0.8.10): every check is read; the seller alone changes the reserve price', async () => {
    const { all } = await read(`${ZORA}/ReserveAuction/Core/ETH/ReserveAuctionCoreEth.sol`, 'ReserveAuctionCoreEth');
    expect(all.some((s) => /^Only the Seller of the Auction .* may call `setAuctionReservePrice`\.$/.test(s))).toBe(true);
    expect(all).toContain('Only the Registrar (`registrar`) may call `setRoyaltyEngineAddress`.');
    expect(all).toContain('Who may call `createAuction` is limited by a check of the caller, stated below; the call goes ahead only if every condition below holds.');
    expect(all.some((s) => /^Anyone may call `(createAuction|setAuctionReservePrice|cancelAuction|setRoyaltyEngineAddress|_handleRoyaltyEnginePayout)`/.test(s))).toBe(false);
    // An NFT moved by transferFrom is not an amount of a token.
    expect(all.some((s) => /receives the given Token ID/.test(s))).toBe(false);
  });

  it('Zora AsksOmnibus: summarised without running out of memory (memory copies of a many-field record over many branches)', async () => {
    const { all } = await read(`${ZORA}/Asks/Omnibus/AsksOmnibus.sol`, 'AsksOmnibus');
    expect(all.length).toBeGreaterThan(50);
  });

  it('thirdweb staking: summarised without a crash; only the native-token wrapper may send ETH straight to the contract', async () => {
    for (const name of ['TokenStake', 'NFTStake', 'EditionStake']) {
      const { all } = await read(`${THIRDWEB}/staking/${name}.sol`, name);
      expect(all.length).toBeGreaterThan(50);
    }
    const { all } = await read(`${THIRDWEB}/staking/TokenStake.sol`, 'TokenStake');
    expect(all).toContain('Only `nativeTokenWrapper` may send ETH straight to the contract.');
  });

  it('thirdweb Split: role checks through ERC-2771 _msgSender() restrict the admin actions', async () => {
    const { all } = await read(`${THIRDWEB}/split/Split.sol`, 'Split');
    expect(all).toContain('Only holders of the Default Admin Role (`DEFAULT_ADMIN_ROLE`), or a trusted forwarder making the call in their name, may call `setContractURI`.');
    expect(all.some((s) => /^Anyone may call `(setContractURI|grantRole|revokeRole)`/.test(s))).toBe(false);
  });

  it('thirdweb English auctions: a role asked of another contract about the caller is a check of the caller, not "anyone"', async () => {
    const { all } = await read(`${THIRDWEB}/marketplace/english-auctions/EnglishAuctionsLogic.sol`, 'EnglishAuctionsLogic');
    expect(all).toContain('Who may call `createAuction` is limited by a check of the caller, stated below; the call goes ahead only if every condition below holds.');
    expect(all.some((s) => /^Anyone may call `(createAuction|cancelAuction)`/.test(s))).toBe(false);
  });

  it('Sablier: a stream created at the next id (nextStreamId = streamId + 1) sets its sender once; creating another does not change it', async () => {
    const { all } = await read(`${SABLIER}/SablierV2LockupLinear.sol`, 'SablierV2LockupLinear');
    expect(all).toContain('Sender | `sender` | each Stream in `_streams` names its own, set once, through `createWithDurations` or `createWithTimestamps` | no action changes it');
    expect(all.some((s) => /the Sender of the Stream concerned can be replaced/.test(s))).toBe(false);
  });

  it('Sablier: a recipient hook is called only when the admin has allowlisted the recipient', async () => {
    const { all } = await read(`${SABLIER}/SablierV2LockupLinear.sol`, 'SablierV2LockupLinear');
    const hooks = all.filter((s) => /calls `onSablierLockup(Cancel|Withdraw)`/.test(s));
    expect(hooks.length).toBeGreaterThan(0);
    // One stream: "If the Hook … is set, …"; several in a loop (`cancelMultiple`): "for every Stream Id … for which the Hook … is set".
    for (const sentence of hooks) expect(sentence).toMatch(/^If .*Hook|, for every Stream Id in the given Stream Ids for which .*the Hook for the Owner of the Stream Id is set\.$/);
  });

  it('thirdweb direct listings: the platform fee’s rounding is not said to stay in the contract, since the seller is paid the rest', async () => {
    const { all } = await read(`${THIRDWEB}/marketplace/direct-listings/DirectListingsLogic.sol`, 'DirectListingsLogic');
    expect(all.some((s) => /the fraction left over stays in the contract/.test(s))).toBe(false);
  });

  it('thirdweb direct listings: a time check made only when the start time changes does not close updateListing for good', async () => {
    const { all } = await read(`${THIRDWEB}/marketplace/direct-listings/DirectListingsLogic.sol`, 'DirectListingsLogic');
    expect(all).toContain('Nothing happens automatically 1 hour after the Start Timestamp of the given Params; after it, `updateListing` can succeed only in the cases the checks above exempt from it.');
    expect(all.some((s) => /from then on `(updateListing|createListing)` can no longer succeed/.test(s))).toBe(false);
    // The wrapped-ETH contract it pays through is a token it relies on, not a party.
    expect(all).toContain('Parties: plainterms found no address that the code keeps as a party; who may call each action, and who is paid, is stated below.');
    expect(all.some((s) => /^Parties: Native Token Wrapper/.test(s))).toBe(false);
    // getRoyalty is another module's, reached through this contract's address: no heading of its own here.
    expect(all).toContain('`buyFromListing` calls `getRoyalty` at this contract’s own address, which this contract’s code does not define: the call reaches code that is not part of this summary (another module, or a fallback).'.replace(/’/g, "'"));
  });
});
