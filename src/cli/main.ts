// The executable's entry (bin/plainterms.js). The command runs in a worker thread; this thread watches
// it: after --timeout seconds (default 600) it stops the worker, even inside a long compilation, and ends
// with a clear error; on a terminal, a run that takes more than 2 seconds shows that it is still working.
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const DEFAULT_TIMEOUT_SECONDS = 600;
const PROGRESS_AFTER_MS = 2000;

if (isMainThread) await supervise(process.argv.slice(2));
else await work(process.argv.slice(2));

async function supervise(argv: string[]): Promise<void> {
  // A reader that stops early (`plainterms summarize … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const seconds = readTimeout(argv);
  if (seconds === null) {
    process.stderr.write('plainterms: --timeout needs a positive number of seconds\n');
    process.exit(2);
  }
  // Under tsx (a source checkout), the worker registers the same loader before it loads this file.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`, { eval: true, argv, stdout: false, stderr: false })
    : new Worker(new URL(import.meta.url), { argv, stdout: false, stderr: false });
  let code = 3;
  worker.on('message', (message: { code: number }) => (code = message.code));
  const started = Date.now();
  const progress = process.stderr.isTTY
    ? setInterval(() => {
        const elapsed = Date.now() - started;
        if (elapsed >= PROGRESS_AFTER_MS) process.stderr.write(`\rplainterms: working… ${Math.round(elapsed / 1000)} s `);
      }, 1000)
    : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void worker.terminate();
  }, seconds * 1000);
  await new Promise<void>((resolve) => worker.on('exit', () => resolve()));
  clearTimeout(timer);
  if (progress) {
    clearInterval(progress);
    if (Date.now() - started >= PROGRESS_AFTER_MS) process.stderr.write('\r\x1b[K');
  }
  if (timedOut) {
    process.stderr.write(`plainterms: stopped after ${seconds} s, the limit set by --timeout\nhint: give a longer --timeout, or fewer or smaller files\n`);
    code = 1;
  }
  process.exitCode = code;
  // The command is done: once what it wrote has been handed to the streams, the process ends, even if a
  // socket to a node that never answered is still open.
  await flushed();
  process.exit();
}

async function work(argv: string[]): Promise<void> {
  // Loaded here, in the worker only: the watching thread needs none of it.
  const { runCli } = await import('./run.ts');
  let set = 0;
  const code = await runCli(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    exit: (value) => {
      set = value;
    },
  });
  // A code a command set through io.exit (diff --exit-code) stands unless the run ended with a higher one.
  parentPort!.postMessage({ code: Math.max(code, set) });
  // Let what was written reach the main thread before the worker ends.
  await flushed();
  process.exit();
}

/** `--timeout 30` or `--timeout=30` anywhere in the arguments; the default when absent; null when not a positive number. */
function readTimeout(argv: string[]): number | null {
  const at = argv.findIndex((arg) => arg === '--timeout' || arg.startsWith('--timeout='));
  if (at < 0) return DEFAULT_TIMEOUT_SECONDS;
  const text = argv[at].includes('=') ? argv[at].slice('--timeout='.length) : argv[at + 1];
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** Resolves once what was written to stdout and stderr has been handed on. */
function flushed(): Promise<unknown> {
  return Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
}
