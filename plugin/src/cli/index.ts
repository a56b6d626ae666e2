/**
 * `model-atlas`: check a dataset from the command line.
 * Exit codes: 0 no errors, 1 errors in the data, 2 bad usage.
 */
import {parseArgs} from 'node:util';
import {escapeControls, formatDiagnostics, loadDataset, summarize, type DiagnosticFormat} from '../data/index.js';
import {computeStats, formatStats} from '../data/stats.js';
import {runMentions} from './mentions.js';

const HELP = `Usage: model-atlas <command> [options]

Commands:
  validate [data-dir]   Check every file of a dataset (default: ./data) and print
                        each problem as path:line:column: severity [rule] message.
  stats [data-dir]      Coverage of a valid dataset: models per domain and facet term,
                        share of entries with parameters, lineage and sources.
  mentions <content-dir…> [--data <data-dir>]
                        Which Markdown/MDX pages mention which models (as the
                        auto-linker sees them), ambiguous names left unlinked, and
                        near misses such as "Bert" for "BERT". Exit 1 also when a
                        page has a :model directive with an unknown id.
  help                  Show this help.

Options:
  --format <text|json|github>   Output format (default: text). "github" prints
                                GitHub Actions annotations (not for mentions).
  --data <data-dir>             Dataset of the mentions command (default: ./data).
  -h, --help                    Show this help.

Exit codes: 0 when the data has no errors, 1 when it has, 2 on bad usage.
`;

const FORMATS = ['text', 'json', 'github'] as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
};

function usageError(io: CliIo, message: string): number {
  io.stderr(`model-atlas: ${message}\nRun "model-atlas --help" for usage.`);
  return 2;
}

/** Runs the CLI and returns its exit code. */
export function run(argv: readonly string[], io: CliIo = defaultIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {format: {type: 'string', default: 'text'}, data: {type: 'string'}, help: {type: 'boolean', short: 'h'}},
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help' || command === undefined) {
    io.stdout(HELP);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  const format = parsed.values.format as DiagnosticFormat;
  if (!FORMATS.includes(format)) return usageError(io, `unknown format "${format}"; use text, json or github.`);
  if (command !== 'mentions' && rest.length > 1) return usageError(io, `${command} takes one data directory, got ${rest.length}.`);
  if (command !== 'mentions' && parsed.values.data !== undefined) return usageError(io, `--data is an option of mentions; ${command} takes the data directory as its argument.`);
  const dir = rest[0] ?? 'data';

  switch (command) {
    case 'validate': {
      const {diagnostics} = loadDataset(dir);
      const errors = diagnostics.some((d) => d.severity === 'error');
      if (format === 'json') {
        io.stdout(formatDiagnostics(diagnostics, 'json', io.cwd));
      } else {
        if (diagnostics.length > 0) io.stdout(formatDiagnostics(diagnostics, format, io.cwd));
        if (format === 'text') io.stdout(`${errors ? '✖' : '✔'} ${escapeControls(dir)}: ${summarize(diagnostics)}`);
      }
      return errors ? 1 : 0;
    }
    case 'stats': {
      const {dataset, diagnostics} = loadDataset(dir);
      if (!dataset) {
        io.stderr(formatDiagnostics(diagnostics, format === 'json' ? 'text' : format, io.cwd));
        io.stderr(`✖ ${escapeControls(dir)}: ${summarize(diagnostics)}; fix the errors to see statistics.`);
        return 1;
      }
      const stats = computeStats(dataset);
      io.stdout(format === 'json' ? JSON.stringify(stats, null, 2) : formatStats(stats));
      return 0;
    }
    case 'mentions':
      if (rest.length === 0) return usageError(io, 'mentions takes one or more content directories.');
      if (format === 'github') return usageError(io, 'mentions prints text or json, not github.');
      return runMentions({dirs: rest, data: parsed.values.data ?? 'data', format}, io);
    default:
      return usageError(io, `unknown command "${command}".`);
  }
}
