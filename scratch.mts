import { summarize } from './src/summarize.ts';
const { documents } = await summarize(['tests/fixtures/third-party/TimeLock.sol'], { contracts: ['TimeLock'], formats: ['json'], cache: false });
const t = documents[0]!.contracts[0] as any;
const ex = t.actions.find((a: any) => a.name === 'execute');
for (const c of ex.conditions) console.log(JSON.stringify(c.expr));
console.log(JSON.stringify(t.powers));
console.log(JSON.stringify(t.deadlines.map((d: any) => ({ subject: d.subject, checks: d.checks.map((c: any) => [c.action, c.op, c.against]) }))));
