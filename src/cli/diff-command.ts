/**
 * `plainterms diff <old.sol> <new.sol>`: the redline between two versions of a contract, as changes
 * of terms. With --exit-code the command exits 1 when the terms differ (for CI gates), and 2 on an error.
 */
import { requireOutputFile, writeOutput } from './write-output.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { diffFiles, renderDiff, renderDiffDocx } from '../diff/index.ts';
import { DIFF_FORMATS, type DiffFormat, type TextDiffFormat } from '../diff/render-diff.ts';
import { type CliOutput, processOutput, reportErrors } from './order-io.ts';

interface DiffCommandOptions {
  contract?: string;
  contracts?: { old: string; new: string };
  lang: string;
  format: DiffFormat;
  exitCode?: boolean;
  output?: string;
}

function parsePair(value: string): { old: string; new: string } {
  const match = /^([A-Za-z_$][\w$]*):([A-Za-z_$][\w$]*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected Old:New, two contract names');
  return { old: match[1], new: match[2] };
}

export function registerDiffCommand(program: Command, io: CliOutput = processOutput): Command {
  return program
    .command('diff')
    .description('state what changed in the terms between two versions of a contract')
    .argument('<old>', 'the old version (.sol)')
    .argument('<new>', 'the new version (.sol)')
    .addOption(new Option('--contract <name>', 'the contract to compare in both files').conflicts('contracts'))
    .addOption(new Option('--contracts <old:new>', 'different contract names in the old and new file').argParser(parsePair))
    .addOption(new Option('--lang <lang>', 'language of the sentences').choices(['en', 'zh']).default('en'))
    .addOption(new Option('--format <format>', 'output format (docx: a Word file with tracked changes; pdf: the HTML redline printed by Chrome or Chromium; both need -o)').choices([...DIFF_FORMATS]).default('md'))
    .option('--exit-code', 'exit 1 when the terms differ (and 2 on an error, like git diff)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((oldFile: string, newFile: string, options: DiffCommandOptions) =>
      reportErrors(io, async () => {
        const binary = options.format === 'docx' || options.format === 'pdf';
        const file = binary ? requireOutputFile(options.format, options.output) : null;
        if (options.format === 'pdf') await (await import('../render/pdf/find-browser.ts')).findBrowser();
        const doc = await diffFiles(oldFile, newFile, {
          ...(options.contract ? { contract: options.contract } : {}),
          ...(options.contracts ? { contracts: options.contracts } : {}),
        });
        if (file !== null && options.format === 'docx') writeOutput(file, await renderDiffDocx(doc, { locale: options.lang }));
        else if (file !== null) {
          const { printPdf } = await import('../render/pdf/print-pdf.ts');
          writeOutput(file, await printPdf(renderDiff(doc, { format: 'html', locale: options.lang })));
        } else {
          const text = renderDiff(doc, { format: options.format as TextDiffFormat, locale: options.lang });
          if (options.output) writeOutput(options.output, text);
          else io.out(text);
        }
        if (options.exitCode && !doc.same) io.exit(1);
      }, { json: options.format === 'json', minimumCode: options.exitCode ? 2 : 1 }),
    );
}
