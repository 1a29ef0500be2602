/**
 * `plainterms summarize contracts/ -o out/`: one summary per contract, written under the output
 * folder as the sources lie under the input folder (`contracts/deals/Sale.sol` → `out/deals/Sale.md`).
 * Each .sol file is summarized on its own (a build folder or JSON input as one), so a file that fails
 * is reported and the rest go on; files that define no deployable contract are skipped. A progress
 * bar is drawn on a terminal only. Exit code 1 when a file failed on its input, 3 on a bug.
 */
import { statSync } from 'node:fs';
import { writeOutput } from './write-output.ts';
import path from 'node:path';
import { formatDiagnostic, isBuildFolder, listSolidityFiles } from '../compile/index.ts';
import { isPlaintermsError } from '../errors.ts';
import { summarize, type SummarizeOptions, type SummaryFormat } from '../summarize.ts';
import type { CliOutput } from './order-io.ts';

const EXTENSIONS: Record<SummaryFormat, string> = { md: 'md', text: 'txt', html: 'html', json: 'json', docx: 'docx', pdf: 'pdf' };

export interface BatchOptions extends Omit<SummarizeOptions, 'formats'> {
  format: SummaryFormat;
  /** The folder the summaries are written to. */
  outputFolder: string;
  /** Draw a progress bar; default: when stderr is a terminal. */
  progress?: boolean;
}

interface Job {
  /** As given or found, for messages. */
  input: string;
  /** Where its summaries go, relative to the output folder. */
  folder: string;
}

/** `-o out/` (a trailing slash, or an existing folder) asks for one file per contract. */
export function isBatchOutput(output: string | undefined, cwd: string = process.cwd()): output is string {
  if (output === undefined) return false;
  if (output.endsWith('/') || output.endsWith(path.sep)) return true;
  try {
    return statSync(path.resolve(cwd, output)).isDirectory();
  } catch {
    return false;
  }
}

export async function summarizeBatch(inputs: string[], options: BatchOptions, io: CliOutput): Promise<void> {
  const { format, outputFolder, progress = process.stderr.isTTY === true, ...summarizeOptions } = options;
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const written: string[] = [];
  let failed = 0;
  let worst = 0;
  const fail = (input: string, error: unknown) => {
    failed += 1;
    worst = Math.max(worst, isPlaintermsError(error) ? 1 : 3);
    io.err(describeFailure(input, error));
  };
  const jobs = inputs.flatMap((input) => {
    try {
      return listJobs(input, cwd);
    } catch (error) {
      fail(input, error);
      return [];
    }
  });
  const bar = progress ? createProgressBar(io, jobs.length) : null;
  for (const [index, job] of jobs.entries()) {
    bar?.show(index, job.input);
    try {
      written.push(...(await summarizeJob(job, { ...summarizeOptions, cwd }, format, path.resolve(cwd, outputFolder), written)));
    } catch (error) {
      if (isPlaintermsError(error) && error.code === 'NO_CONTRACT') continue;
      bar?.clear();
      fail(job.input, error);
    }
  }
  bar?.clear();
  const shownFolder = path.relative(cwd, path.resolve(cwd, outputFolder)) || '.';
  const files = `${jobs.length} file${jobs.length === 1 ? '' : 's'}`;
  io.err(`wrote ${written.length} summar${written.length === 1 ? 'y' : 'ies'} to ${shownFolder}/ from ${files}${failed > 0 ? `; ${failed} failed` : ''}\n`);
  if (worst > 0) io.exit(worst);
}

/** A folder of sources gives one job per .sol file; anything else (a file, a build folder, JSON) one job. */
function listJobs(input: string, cwd: string): Job[] {
  const absolute = path.resolve(cwd, input);
  let isFolder = false;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    // Missing: summarize reports it as this job's failure.
  }
  if (!isFolder || isBuildFolder(absolute)) return [{ input, folder: '' }];
  return listSolidityFiles(absolute, input).map((file) => ({
    input: path.relative(cwd, file) || file,
    folder: path.relative(absolute, path.dirname(file)),
  }));
}

/** Summarize one input; with several contracts, each gets its own summary (solc runs once: the rest hit the cache). */
async function summarizeJob(job: Job, options: SummarizeOptions, format: SummaryFormat, outputFolder: string, taken: string[]): Promise<string[]> {
  const first = await summarize([job.input], { ...options, formats: [format] });
  const names = first.document.contracts.map((contract) => contract.name);
  const written: string[] = [];
  for (const name of names) {
    const summary = names.length === 1 ? first : await summarize([job.input], { ...options, contracts: [name], formats: [format] });
    const target = chooseTarget(outputFolder, job, name, format, [...taken, ...written]);
    writeOutput(target, summary.outputs[0].bytes ?? summary.outputs[0].text, { createFolder: true });
    written.push(target);
  }
  return written;
}

function chooseTarget(outputFolder: string, job: Job, name: string, format: SummaryFormat, taken: string[]): string {
  const plain = path.join(outputFolder, job.folder, `${name}.${EXTENSIONS[format]}`);
  if (!taken.includes(plain)) return plain;
  const stem = path.basename(job.input).replace(/\.[^.]*$/, '');
  return path.join(outputFolder, job.folder, `${name}.${stem}.${EXTENSIONS[format]}`);
}

function describeFailure(input: string, error: unknown): string {
  if (!isPlaintermsError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return `${input}: internal error: ${message}\n(this is a bug in plainterms; please report it with the file)\n`;
  }
  const details = error.diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join('');
  const message = error.message.includes(input) ? error.message : `${input}: ${error.message}`;
  return `${details}plainterms: ${message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`;
}

/** `[#####-----] 3/10 contracts/Sale.sol` on one terminal line, redrawn in place. */
function createProgressBar(io: CliOutput, total: number) {
  const width = 20;
  let drawn = false;
  return {
    show(done: number, label: string) {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
      const columns = process.stderr.columns ?? 80;
      io.err(`\r\x1b[K${line.slice(0, Math.max(columns - 1, 10))}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.err('\r\x1b[K');
      drawn = false;
    },
  };
}
