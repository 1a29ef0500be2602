// The executable's entry (bin/plainterms.js): runs the command line on the process's arguments and streams.
import { runCli } from './run.ts';

// A reader that stops early (`plainterms summarize … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const code = await runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  exit: (value) => {
    process.exitCode = value;
  },
});
// A code a command set through io.exit (diff --exit-code) stands unless the run ended with a higher one.
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
// The command is done: once what it wrote has been handed to the streams, the process ends, even if a
// socket to a node that never answered is still open.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
process.exit();
