/**
 * Extraction plus rendering against the warm solc compile of the same contract (issue 3's goal: at most
 * 25%). One warm process: each contract is compiled (cache off) and then extracted and rendered to
 * Markdown in English, several times; the medians are compared.
 *
 *   node --import tsx bench/extract-render.ts [--runs 9]
 */
import { performance } from 'node:perf_hooks';
import { compileFiles } from '../src/compile/index.ts';
import { extractContracts } from '../src/extract/index.ts';
import { buildSummaryDocument, renderSummary } from '../src/render/index.ts';
import { BUNDLED_FILES } from './corpus.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 9;
/** The bundled contracts, then contracts from the corpus the team did not write (npm devDependencies). */
const CONTRACTS: [file: string, name: string][] = [
  ...BUNDLED_FILES,
  ['node_modules/@kleros/erc-792/contracts/examples/SimpleEscrow.sol', 'SimpleEscrow'],
  ['node_modules/@openzeppelin/contracts/finance/VestingWallet.sol', 'VestingWallet'],
  ['node_modules/@openzeppelin/contracts-v4/finance/PaymentSplitter.sol', 'PaymentSplitter'],
  ['node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol', 'Split'],
  ['node_modules/@thirdweb-dev/contracts/prebuilts/marketplace/english-auctions/EnglishAuctionsLogic.sol', 'EnglishAuctionsLogic'],
  ['node_modules/@sablier/v2-core/src/SablierV2LockupLinear.sol', 'SablierV2LockupLinear'],
];

/** Runs before measuring, so that compile, extraction and rendering are all warm (as in a long-lived process). */
const WARM_UP = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(file: string, name: string): Promise<{ name: string; compile: number; extract: number; render: number; coverage: string }> {
  const compile: number[] = [];
  const extract: number[] = [];
  const render: number[] = [];
  let coverage = '';
  for (let i = 0; i < runs + WARM_UP; i++) {
    let start = performance.now();
    const compilation = await compileFiles([file], { cache: false });
    const compiled = performance.now() - start;
    start = performance.now();
    const terms = extractContracts(compilation, { contracts: [name] });
    const extracted = performance.now() - start;
    start = performance.now();
    renderSummary(buildSummaryDocument(compilation, terms, 'en'), 'md');
    const rendered = performance.now() - start;
    if (i >= WARM_UP) {
      compile.push(compiled);
      extract.push(extracted);
      render.push(rendered);
    }
    coverage = `${terms[0]!.coverage.explained}/${terms[0]!.coverage.statements}`;
  }
  return { name, compile: median(compile), extract: median(extract), render: median(render), coverage };
}

const rows = [];
for (const [file, name] of CONTRACTS) rows.push(await measure(file, name));
console.log('| contract | coverage | warm compile (ms) | extract (ms) | render md (ms) | extract + render / compile |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const share = ((row.extract + row.render) / row.compile) * 100;
  console.log(`| ${row.name} | ${row.coverage} | ${row.compile.toFixed(1)} | ${row.extract.toFixed(1)} | ${row.render.toFixed(1)} | ${share.toFixed(0)}% |`);
}
