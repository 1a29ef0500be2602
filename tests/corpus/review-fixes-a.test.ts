/**
 * False sentences a lawyer's second review found in summaries of solidity-by-example contracts
 * (tests/fixtures/third-party): each must stay gone, and the true sentence must be there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const DIR = 'tests/fixtures/third-party';

async function zh(file: string, contract: string): Promise<string[]> {
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
}

async function inline(source: string, contract: string): Promise<{ en: string[]; zh: string[] }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-review-a-'));
  const file = path.join(folder, `${contract}.sol`);
  writeFileSync(file, source);
  try {
    return { en: (await read(file, contract)).all, zh: await zh(file, contract) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('TimeLock (solidity-by-example): a constant is a period, never an unset time', { timeout: 60_000 }, () => {
  it('never calls the constant Grace Period unset or zero', async () => {
    const { all } = await read(`${DIR}/TimeLock.sol`, 'TimeLock');
    expect(all).not.toContain('The code never sets the Grace Period time (`GRACE_PERIOD`), so it stays zero.');
    expect(all.filter((s) => /never sets|stays zero|Grace Period time/.test(s))).toEqual([]);
    const chinese = await zh(`${DIR}/TimeLock.sol`, 'TimeLock');
    expect(chinese.filter((s) => /从未设定|始终为零|时间点 `GRACE_PERIOD`/.test(s))).toEqual([]);
  });

  it('a constant moment compared with the block time is fixed in the code, not unset', async () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Sale {
    uint256 public constant END = 1700000000;
    uint256 public sold;
    function buy() external payable {
        require(block.timestamp < END, "over");
        sold += msg.value;
    }
}
`;
    const { en, zh: chinese } = await inline(source, 'Sale');
    expect(en.filter((s) => /never sets|stays zero/.test(s))).toEqual([]);
    expect(chinese.filter((s) => /从未设定|始终为零/.test(s))).toEqual([]);
    expect(en).toContain('The End (`END`) is fixed in the code at 1,700,000,000; no action changes it.');
    expect(chinese).toContain('结束时间（`END`）直接写在代码中，为1,700,000,000；没有任何操作会更改它。');
  });

  it('an immutable or a state variable initialised in its declaration is set at deployment, not unset', async () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Imm {
    uint256 public immutable end = block.timestamp + 7 days;
    uint256 public start = 1700000000;
    uint256 public sold;
    function buy() external payable {
        require(block.timestamp < end, "over");
        require(block.timestamp >= start, "early");
        sold += msg.value;
    }
}
`;
    const { en, zh: chinese } = await inline(source, 'Imm');
    expect(en.filter((s) => /never sets|stays zero/.test(s))).toEqual([]);
    expect(chinese.filter((s) => /从未设定|始终为零/.test(s))).toEqual([]);
    expect(en).toContain('At deployment, the End (`end`) is set to 7 days after deployment.');
    expect(en).toContain('At deployment, the Start (`start`) is set to 1,700,000,000.');
    expect(en).toContain('Opens: `buy`, which anyone may call, can succeed only at or after the Start (`start`), set at deployment to 1,700,000,000.');
  });

  it('the deadline of execute is the given Timestamp plus the grace period, in seconds', async () => {
    const { all } = await read(`${DIR}/TimeLock.sol`, 'TimeLock');
    for (const falsehood of [
      'Deadline: the given Timestamp (`_timestamp`) after the Grace Period time (`GRACE_PERIOD`).',
      'Nothing happens automatically once the given Timestamp has passed since the Grace Period time; from then on `execute` can no longer succeed.',
    ]) expect(all).not.toContain(falsehood);
    expect(all.filter((s) => /1,000 \(`GRACE_PERIOD`\)|no later than 1,000 /.test(s))).toEqual([]);
    expect(all).toContain('Window: `execute` can succeed only from the given Timestamp (`_timestamp`) on, and no later than 16 minutes, 40 seconds (`GRACE_PERIOD`) after it.');
    expect(all).toContain(
      'The call is made no later than 16 minutes, 40 seconds (`GRACE_PERIOD`) after the given Timestamp | error `TimestampExpiredError`',
    );
    expect(all).toContain('Nothing happens automatically 16 minutes, 40 seconds after the given Timestamp; from then on `execute` can no longer succeed.');
    const chinese = await zh(`${DIR}/TimeLock.sol`, 'TimeLock');
    expect(chinese).toContain('时间窗口：`execute`只能在传入的时间点 `_timestamp`当时或之后成功执行，且不得晚于该时间后16分钟40秒钟（`GRACE_PERIOD`）。');
    expect(chinese).toContain('传入的时间点 `_timestamp`后16分钟40秒钟（`GRACE_PERIOD`）届至时不会自动发生任何事情；此后`execute`将无法成功。');
    expect(chinese.filter((s) => /自时间点 `GRACE_PERIOD`起/.test(s))).toEqual([]);
  });
});

describe('BiDirectionalPaymentChannel (solidity-by-example): a local array filled by a loop is not zeros', { timeout: 60_000 }, () => {
  it('reads the signers copied from the Users, never the zero address', async () => {
    const file = `${DIR}/BiDirectionalPaymentChannel.sol`;
    const { all } = await read(file, 'BiDirectionalPaymentChannel');
    expect(all.filter((s) => /zero address/.test(s))).toEqual([]);
    expect(all).toContain(
      'The Verify as computed by `verify` (not broken down here) for the given Signatures (`_signatures`), this contract, the Users (`users`), the given Balances (`_balances`), and the given Nonce (`_nonce`) is true | “Invalid signature”',
    );
    const chinese = await zh(file, 'BiDirectionalPaymentChannel');
    expect(chinese.filter((s) => /零地址/.test(s))).toEqual([]);
  });

  it('an array only partly filled, or filled with something else, is not stated: the loop is not explained', async () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Pair {
    address[2] public users;
    uint256 public count;
    function check(address[3] memory given) public pure returns (bool) { return given[0] != given[1]; }
    function go() external {
        address[3] memory signers;
        for (uint256 i = 0; i < users.length; i++) {
            signers[i] = users[i];
        }
        require(check(signers), "bad");
        count += 1;
    }
}
`;
    const { en, zh: chinese } = await inline(source, 'Pair');
    expect(en.filter((s) => /zero address|the Users \(`users`\)/.test(s) && /`check`/.test(s))).toEqual([]);
    expect(en).toContain('In `go`, plainterms could not translate the loop `for (uint256 i = 0; i < users.length; i++) {`; have an engineer read it.');
    expect(chinese.filter((s) => /零地址/.test(s))).toEqual([]);
  });
});

describe('CrowdFund (solidity-by-example): a key read after the counter is raised is the raised counter', { timeout: 60_000 }, () => {
  it('launch writes the Campaign at the Count after its increase, not at the Count plus 1', async () => {
    const file = `${DIR}/CrowdFund.sol`;
    const { of } = await read(file, 'CrowdFund');
    const launch = of('action:launch(uint256,uint32,uint32)');
    expect(launch.filter((s) => /the Count plus 1/.test(s))).toEqual([]);
    expect(launch).toContain('`launch` increases the Count (`count`) by 1.');
    expect(launch).toContain('`launch` sets the Campaign for the Count after its increase by 1 in the Campaigns (`campaigns`) to a new Campaign record, set as in the table below.');
    // One row per field of the new record.
    expect(launch).toEqual(expect.arrayContaining([
      'Creator (`creator`) | the caller',
      'Goal (`goal`) | the given Goal (`_goal`)',
      'Pledged (`pledged`) | zero',
      'Start At (`startAt`) | the given Start At time',
      'End At (`endAt`) | the given End At time',
      'Claimed (`claimed`) | false',
    ]));
    const chinese = await zh(file, 'CrowdFund');
    expect(chinese.some((s) => s.startsWith('`launch` 将众筹项目（`campaigns`）中增加1后的`count`对应的众筹项目设定为'))).toBe(true);
    expect(chinese.filter((s) => /`count`加1/.test(s))).toEqual([]);
  });

  it('`n = n + 1` then `items[n]` reads the same way; the write itself still says plus', async () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Book {
    struct Entry { address owner; uint256 amount; }
    uint256 public n;
    mapping(uint256 => Entry) public items;
    function add(uint256 amount) external {
        n = n + 1;
        items[n] = Entry(msg.sender, amount);
    }
}
`;
    const { en } = await inline(source, 'Book');
    expect(en.filter((s) => /the value \(`n`\) plus 1 in/.test(s))).toEqual([]);
    expect(en.some((s) => s.startsWith('`add` sets the Entry for the value (`n`) after its increase by 1 in the Items (`items`)'))).toBe(true);
  });
});
