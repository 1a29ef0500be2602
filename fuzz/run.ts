/**
 * `npm run fuzz -- --seconds 60 [--seed 1] [--parallel 2] [--kinds layout,calldata]`: runs the fuzz suite (fuzz.ts) and prints the
 * number of runs, the exit-code distribution, the runs by kind and every problem signature with an
 * example command. Exits 1 when any run was a problem (an internal error, a hang, a leak, bad JSON).
 */
import { fuzz } from './fuzz.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seconds = option('seconds', 60);
const seed = option('seed', Date.now() % 100_000);
const parallel = option('parallel', 2);
const kindsAt = args.indexOf('--kinds');
const kinds = kindsAt >= 0 ? args[kindsAt + 1].split(',') : undefined;

process.stderr.write(`fuzzing for ${seconds} s, seed ${seed}, ${parallel} at a time\n`);
const report = await fuzz({
  seconds,
  seed,
  parallel,
  kinds,
  onRun: (result, done) => {
    if (result.problem) process.stderr.write(`\n${result.problem}\n  plainterms ${result.argv.join(' ')}\n`);
    else if (done % 25 === 0) process.stderr.write(`${done} runs\n`);
  },
});
console.log(JSON.stringify(report, null, 2));
const problems = Object.values(report.problems).reduce((sum, p) => sum + p.count, 0);
console.log(`${report.runs} runs, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
