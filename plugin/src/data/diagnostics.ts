import path from 'node:path';
import type {Diagnostic} from './types.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `file:line:column: severity [rule] message`, then the hint indented. */
export function formatDiagnostic(diagnostic: Diagnostic, cwd = process.cwd()): string {
  const {line, column, severity, rule, message, hint} = diagnostic;
  const head = `${displayPath(diagnostic.file, cwd)}:${line}:${column}: ${severity} [${rule}] ${message}`;
  return hint ? `${head}\n    hint: ${hint}` : head;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** GitHub Actions workflow command; `%`, CR, LF, `:` and `,` escaped as the runner expects. */
function formatGithub(diagnostic: Diagnostic, cwd: string): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = diagnostic.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(displayPath(diagnostic.file, cwd))}`,
    `line=${diagnostic.line}`,
    `col=${diagnostic.column}`,
    `title=${escapeProperty(diagnostic.rule)}`,
  ].join(',');
  const text = diagnostic.hint ? `${diagnostic.message} (${diagnostic.hint})` : diagnostic.message;
  return `::${command} ${properties}::${escapeData(text)}`;
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat = 'text',
  cwd = process.cwd(),
): string {
  const sorted = sortDiagnostics(diagnostics);
  switch (format) {
    case 'json':
      return JSON.stringify(
        sorted.map((d) => ({...d, file: displayPath(d.file, cwd)})),
        null,
        2,
      );
    case 'github':
      return sorted.map((d) => formatGithub(d, cwd)).join('\n');
    case 'text':
      return sorted.map((d) => formatDiagnostic(d, cwd)).join('\n');
  }
}

/** Thrown once, with every problem, when the data has errors. */
export class DataValidationError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], cwd = process.cwd()) {
    const sorted = sortDiagnostics(diagnostics);
    super(
      `Model Atlas found problems in the dataset (${summarize(sorted)}):\n` +
        `${formatDiagnostics(sorted, 'text', cwd)}\n` +
        'Fix them and save: `docusaurus start` reloads. Run `npx model-atlas validate <data-dir>` to check the data alone.',
    );
    this.name = 'DataValidationError';
    this.diagnostics = sorted;
  }
}
