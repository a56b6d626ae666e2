/** `model-atlas mentions <content-dirs…>`: which pages mention which models, as auto-linking sees them. */
import fs from 'node:fs';
import path from 'node:path';
import {escapeControls, formatDiagnostics, loadDataset, summarize} from '../data/index.js';
import {readContentFiles, scanMentions, type MentionPlace, type MentionReport} from '../link/mentions.js';
import type {CliIo} from './index.js';

export interface MentionsCommand {
  readonly dirs: readonly string[];
  /** The dataset directory. */
  readonly data: string;
  readonly format: 'text' | 'json';
}

function toJson(report: MentionReport, name: (id: string) => string) {
  return {
    files: report.files,
    models: [...report.models].map(([id, pages]) => ({id, name: name(id), count: pages.reduce((sum, page) => sum + page.count, 0), pages})),
    ambiguous: report.ambiguous,
    nearMisses: report.nearMisses,
    problems: report.problems,
  };
}

function formatPlaces(title: string, places: readonly MentionPlace[], describe: (place: MentionPlace) => string): string[] {
  return places.length === 0 ? [] : [title, ...places.map((place) => `  ${place.file}:${place.line}:${place.column} "${place.text}": ${describe(place)}`)];
}

function formatText(report: ReturnType<typeof toJson>): string {
  const lines = [
    ...report.models.flatMap((model) => [
      `${model.name} (${model.id}): ${model.count} mention(s) on ${model.pages.length} page(s)`,
      ...model.pages.map((page) => `  ${page.file}: ${page.count} "${page.title}"`),
    ]),
    ...formatPlaces('Ambiguous names left unlinked (link one with :model[Name]{#id}):', report.ambiguous, (place) => place.models.join(', ')),
    ...formatPlaces('Near misses (a name in another case, or with a version; never linked), and how to link them:', report.nearMisses, (place) => place.fix ?? ''),
    ...(report.problems.length === 0 ? [] : ['Problems:']),
    ...report.problems.map((problem) => `  ${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}: ${problem.severity}: ${problem.message}`),
  ];
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  lines.push(
    `${errors > 0 ? '✖' : '✔'} ${report.files} file(s): ${report.models.length} model(s) mentioned, ${report.ambiguous.length} ambiguous, ` +
      `${report.nearMisses.length} near miss(es), ${report.problems.length} problem(s)`,
  );
  // Page text and titles are prose: one line each, control characters escaped.
  return lines.map((line) => escapeControls(line)).join('\n');
}

/** Runs the command and returns its exit code: 0 ok, 1 errors in the data or in a content file, 2 bad usage. */
export function runMentions(command: MentionsCommand, io: CliIo): number {
  const missing = command.dirs.filter((dir) => !fs.statSync(path.resolve(io.cwd, dir), {throwIfNoEntry: false})?.isDirectory());
  if (missing.length > 0) {
    io.stderr(`model-atlas: not a directory: ${missing.join(', ')}\nRun "model-atlas --help" for usage.`);
    return 2;
  }
  const {dataset, diagnostics} = loadDataset(path.resolve(io.cwd, command.data));
  if (!dataset) {
    io.stderr(formatDiagnostics(diagnostics, 'text', io.cwd));
    io.stderr(`✖ ${command.data}: ${summarize(diagnostics)}; fix the errors to scan for mentions.`);
    return 1;
  }
  // Report paths as the user wrote the directories.
  const files = command.dirs.flatMap((dir) => {
    const absolute = path.resolve(io.cwd, dir);
    return readContentFiles([absolute]).map((file) => ({...file, path: path.join(dir, path.relative(absolute, file.path))}));
  });
  const report = toJson(scanMentions(files, {data: dataset}), (id) => dataset.model(id)!.name);
  io.stdout(command.format === 'json' ? JSON.stringify(report, null, 2) : formatText(report));
  return report.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
