// Counts code left in the prose of summaries (tests/helpers/code-likeness.ts): operators, brackets, identifiers,
// split names, one-letter names, outside code marks and "Not explained". For contracts outside the test corpus:
//   node --import tsx scripts/code-likeness.ts path/A.sol[:Contract] path/B.sol …
// Prints each finding and the total; exits 1 when there is any.
import { summarize } from '../src/summarize.ts';
import { codeLikenessOf } from '../tests/helpers/code-likeness.ts';

let total = 0;
for (const argument of process.argv.slice(2)) {
  const [file, contract] = argument.split(':');
  const { documents } = await summarize([file], { contracts: contract ? [contract] : undefined, formats: ['json'], cache: false });
  for (const terms of documents[0].contracts) {
    const findings = codeLikenessOf(terms.statements);
    total += findings.length;
    process.stdout.write(`${file} ${terms.name}: ${findings.length}\n`);
    for (const finding of findings) process.stdout.write(`  [${finding.rule}] ${finding.match} (${finding.id}): ${finding.text}\n`);
  }
}
process.stdout.write(`total: ${total}\n`);
process.exitCode = total > 0 ? 1 : 0;
