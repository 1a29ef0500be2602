#!/usr/bin/env node
// `npm test`: runs vitest with its default reporter for people and a JSON report for this script, then
// ends with one plain line, `N passed, N failed` (and `, N skipped` when any were), and a non-zero exit
// code when anything failed. Extra arguments go to vitest (`npm test -- tests/render`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-test-'));
const reportFile = path.join(folder, 'report.json');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

const counts = readCounts(reportFile);
rmSync(folder, { recursive: true, force: true });

const failed = counts ? counts.failed : 1;
const parts = [`${counts?.passed ?? 0} passed`, `${failed} failed`];
if (counts && counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
console.log(parts.join(', '));
process.exitCode = failed > 0 || run.status !== 0 ? 1 : 0;

/** Counts from vitest's JSON report; a file that failed to load counts as one failure. Null without a report. */
function readCounts(file) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const brokenFiles = report.testResults.filter(
    (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}
