import path from 'node:path';
import {MAX_REPORTED_PER_RULE} from './constants.js';
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

const NAMED_ESCAPES: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};
/** C0 and C1 control characters, DEL, line and paragraph separators, lone surrogates. */
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe for one line of a terminal or a CI log: every control character
 * written as an escape (`\n`, `\u001b`), so a value can neither start a line
 * of its own (forging a GitHub `::error` command) nor send an ANSI escape.
 * `keep` names characters left as they are (for a format that escapes them itself).
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(UNPRINTABLE, (c) => (keep.includes(c) ? c : (NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

/** `file:line:column: severity [rule] message`, then the hint indented; control characters escaped. */
export function formatDiagnostic(diagnostic: Diagnostic, cwd = process.cwd()): string {
  const {line, column, severity, rule, message, hint} = diagnostic;
  const head = escapeControls(`${displayPath(diagnostic.file, cwd)}:${line}:${column}: ${severity} [${rule}] ${message}`);
  return hint ? `${head}\n    hint: ${escapeControls(hint)}` : head;
}

/**
 * The diagnostics to print: at most `MAX_REPORTED_PER_RULE` of each rule, in
 * order, and a line counting the rest of each rule.
 */
function bounded(sorted: readonly Diagnostic[]): {shown: Diagnostic[]; rest: string[]} {
  const counts = new Map<string, number>();
  const shown = sorted.filter((d) => {
    const count = (counts.get(d.rule) ?? 0) + 1;
    counts.set(d.rule, count);
    return count <= MAX_REPORTED_PER_RULE;
  });
  const rest = [...counts]
    .filter(([, count]) => count > MAX_REPORTED_PER_RULE)
    .map(([rule, count]) => `… and ${(count - MAX_REPORTED_PER_RULE).toLocaleString('en')} more [${escapeControls(rule)}] not shown (--format json lists every one).`);
  return {shown, rest};
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * GitHub Actions workflow command; `%`, CR, LF, `:` and `,` escaped as the
 * runner expects, other control characters (ANSI escapes) as `\u001b`.
 */
function formatGithub(diagnostic: Diagnostic, cwd: string): string {
  const escapeData = (s: string) => escapeControls(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
    case 'github': {
      const {shown, rest} = bounded(sorted);
      return [...shown.map((d) => formatGithub(d, cwd)), ...rest].join('\n');
    }
    case 'text': {
      const {shown, rest} = bounded(sorted);
      return [...shown.map((d) => formatDiagnostic(d, cwd)), ...rest].join('\n');
    }
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
