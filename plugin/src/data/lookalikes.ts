/**
 * Checks `lookalikes.yaml`: names that contain a model's name but are not that model (`Chinese LLaMA`,
 * `Alpaca Eval`). The auto-linker matches them like names, in any case, and links neither them nor the
 * names inside them.
 */
import {RULES} from './constants.js';
import {diagnosticAt, locate, type SourceFile} from './load.js';
import {LookalikesFile} from './schema.js';
import {checkSchema} from './schemaCheck.js';
import type {Diagnostic} from './types.js';

/** How names are compared here: case and white space runs ignored, as the matcher reads them. */
const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Schema, repeats, and entries that contain no name of the dataset (they would block nothing). */
export function checkLookalikes(source: SourceFile, names: readonly string[]): Diagnostic[] {
  const diagnostics = checkSchema(source, LookalikesFile);
  if (!Array.isArray(source.value)) return diagnostics;
  const keys = [...new Set(names.map(key))];
  const seen = new Map<string, number>();
  for (const [index, entry] of (source.value as unknown[]).entries()) {
    const text = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string' ? entry.name : undefined;
    if (text === undefined || text.trim() === '') continue;
    // Positions are located only for what is reported: finding them parses the file again.
    const folded = key(text);
    const first = seen.get(folded);
    if (first !== undefined) {
      const {line, column} = locate(source, [first]);
      diagnostics.push(diagnosticAt(source.path, locate(source, [index]), 'warning', RULES.duplicateLookalike, `"${text}" is listed twice (first at line ${line}, column ${column}).`, 'Remove the repeated entry.'));
      continue;
    }
    seen.set(folded, index);
    if (!keys.some((name) => folded.includes(name))) {
      diagnostics.push(
        diagnosticAt(source.path, locate(source, [index]), 'warning', RULES.lookalikeBlocksNothing, `"${text}" contains no name or alias of a model, so it blocks nothing.`, 'A look-alike is a longer name around a model\'s name (e.g. "Chinese LLaMA" around "LLaMA"): fix the spelling, or remove the entry.'),
      );
    }
  }
  return diagnostics;
}
