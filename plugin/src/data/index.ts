/** Public entry of the data layer: load, validate and index a dataset directory. */
import {buildDataset} from './dataset.js';
import {DataValidationError, hasErrors, sortDiagnostics} from './diagnostics.js';
import {readDataset} from './load.js';
import type {Dataset, Diagnostic} from './types.js';
import {validateDataset} from './validate.js';

export interface LoadResult {
  /** Present when the data has no errors (warnings allowed). */
  readonly dataset: Dataset | undefined;
  /** Every problem, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Release dates after this day are errors (default: now). */
  readonly today?: Date;
}

/** Reads, validates and indexes a dataset directory. Never throws on bad data. */
export function loadDataset(dir: string, options: LoadOptions = {}): LoadResult {
  const raw = readDataset(dir);
  const diagnostics = sortDiagnostics(validateDataset(raw, options.today));
  return {dataset: hasErrors(diagnostics) ? undefined : buildDataset(raw), diagnostics};
}

/** Like `loadDataset`, but throws one `DataValidationError` listing every error. */
export function loadDatasetOrThrow(dir: string, options: LoadOptions = {}): {dataset: Dataset; diagnostics: readonly Diagnostic[]} {
  const {dataset, diagnostics} = loadDataset(dir, options);
  if (!dataset) throw new DataValidationError(diagnostics);
  return {dataset, diagnostics};
}

export {DataValidationError, escapeControls, formatDiagnostic, formatDiagnostics, summarize, type DiagnosticFormat} from './diagnostics.js';
export {RULES} from './constants.js';
export {formatParameterCount, parseArxivId, parseDate, parseParameterCount} from './values.js';
export type * from './types.js';
export {computeStats, formatStats, type Stats, type TermCount} from './stats.js';
