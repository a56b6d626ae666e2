/**
 * Precision and recall of auto-linking on hand-labelled mentions in real prose (English and Chinese) from
 * the shared corpus beside the project root (`../shared/corpus`). Each label names the model the writer
 * meant, or none; the expected outcome is computed against the dataset the test runs on: a link to that
 * model if the dataset has it, no link otherwise. A link to any other model is a wrong-model error, counted
 * against both precision and recall; a link where no mention is labelled counts against precision.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Link, Nodes} from 'mdast';
import remarkStringify from 'remark-stringify';
import {VFile} from 'vfile';
import YAML from 'yaml';
import {describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import remarkModelLinks from '../../plugin/src/link/remark.js';
import {createParser} from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const LABELS = path.join(import.meta.dirname, 'evaluation');
const PRECISION = 0.97;
const RECALL = 0.95;
const hasCorpus = fs.existsSync(CORPUS);
const requireCorpus = process.env.CI === 'true';

interface Entry {
  readonly at: string;
  readonly quote: string;
  readonly mentions: readonly (readonly [string, string | null, number?])[];
}

const entries = fs
  .readdirSync(LABELS)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) => (YAML.parse(fs.readFileSync(path.join(LABELS, file), 'utf8')) as Entry[]).map((entry) => ({...entry, labels: file})));

const LATIN_WORD = /[A-Za-z0-9]/;
/**
 * Whether `label` at `at` is part of a longer word (`BERT` in `ALBERT`, `I-BERT` or `BARTpho`): labels
 * never mean those. A plural `s` after the label does not make a longer word (`ViTs`).
 */
function inWord(within: string, at: number, length: number): boolean {
  const before = within[at - 1] ?? '';
  const after = within.slice(at + length, at + length + 2);
  return LATIN_WORD.test(before) || (before === '-' && LATIN_WORD.test(within[at - 2] ?? '')) || (LATIN_WORD.test(after[0] ?? '') && !/^s(?![A-Za-z0-9])/.test(after));
}

/** Offset of the n-th occurrence (1-based) of `label` in `within` from `from` that is not inside a longer word. */
function occurrence(within: string, label: string, n: number, from: number): number {
  let at = from - 1;
  for (let count = 0; count < n; ) {
    at = within.indexOf(label, at + 1);
    if (at === -1) return -1;
    if (!inWord(within, at, label.length)) count++;
  }
  return at;
}

/** Every link the linker added, with its offsets in the linked line. */
function linksOf(tree: Nodes): {start: number; end: number; model: string}[] {
  const found: {start: number; end: number; model: string}[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link' && (node as Link).url.startsWith('/models/') && node.position) {
      found.push({start: node.position.start.offset!, end: node.position.end.offset!, model: (node as Link).url.slice('/models/'.length)});
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

describe('evaluation on hand-labelled real prose', () => {
  it('should have at least 400 labelled mentions, English and Chinese, each quote found in its corpus line', () => {
    const mentions = entries.flatMap((entry) => entry.mentions);
    expect(mentions.length).toBeGreaterThanOrEqual(400);
    for (const subset of ['transformers-model-doc', 'docusaurus-docs', 'transformers-docs-zh', 'self-llm-zh']) {
      expect(entries.some((entry) => entry.at.startsWith(`${subset}/`)), subset).toBe(true);
    }
    for (const entry of entries) {
      for (const [text, , n = 1] of entry.mentions) expect(occurrence(entry.quote, text, n, 0), `${entry.at}: "${text}" #${n} in the quote`).toBeGreaterThanOrEqual(0);
    }
  });

  it.skipIf(!hasCorpus && !requireCorpus)(
    `should link with precision ≥ ${PRECISION} and recall ≥ ${RECALL}${hasCorpus ? '' : ` (SKIPPED: the corpus ${CORPUS} is absent; it sits beside the project root, outside the repository)`}`,
    async (context) => {
      expect(hasCorpus, `the corpus ${CORPUS} is absent (CI=true requires it)`).toBe(true);
      const {dataset} = loadDatasetOrThrow(path.join(ROOT, 'data'));
      const processor = createParser().use(remarkModelLinks, {data: dataset, once: false, headings: true}).use(remarkStringify);
      const lines = new Map<string, string[]>();
      let truePositives = 0;
      let falsePositives = 0;
      let falseNegatives = 0;
      const errors: string[] = [];
      for (const entry of entries) {
        const [file, lineNumber] = [entry.at.slice(0, entry.at.lastIndexOf(':')), Number(entry.at.slice(entry.at.lastIndexOf(':') + 1))];
        if (!lines.has(file)) lines.set(file, fs.readFileSync(path.join(CORPUS, file), 'utf8').replace(/\r\n?/g, '\n').split('\n'));
        const line = lines.get(file)![lineNumber - 1] ?? '';
        const quoteAt = line.indexOf(entry.quote);
        expect(quoteAt, `${entry.at}: the quote is not on that line`).toBeGreaterThanOrEqual(0);
        const value = line.trim() === '' ? line : line;
        const file$ = new VFile({value});
        const tree = await processor.run(processor.parse(file$), file$);
        const links = linksOf(tree).filter((link) => link.start < quoteAt + entry.quote.length && link.end > quoteAt);
        const claimed = new Set<number>();
        for (const [text, meant, n = 1] of entry.mentions) {
          const start = occurrence(line, text, n, quoteAt);
          const end = start + text.length;
          const index = links.findIndex((link) => link.start < end && link.end > start);
          const link = links[index];
          if (index >= 0) claimed.add(index);
          const expected = meant !== null && dataset.model(meant) ? meant : undefined;
          const where = `${entry.at}: "${text}"`;
          if (expected && link?.model === expected) truePositives++;
          else if (expected) {
            falseNegatives++;
            if (link) falsePositives++;
            errors.push(`${where}: expected a link to ${expected}, got ${link ? `a link to ${link.model}` : 'none'}`);
          } else if (link) {
            falsePositives++;
            errors.push(`${where}: expected no link (${meant === null ? 'not a mention' : `${meant} is not in the dataset`}), got a link to ${link.model}`);
          }
        }
        links.forEach((link, index) => {
          if (claimed.has(index)) return;
          falsePositives++;
          errors.push(`${entry.at}: "${line.slice(link.start, link.end)}": an unlabelled link to ${link.model}`);
        });
      }
      const precision = truePositives / Math.max(1, truePositives + falsePositives);
      const recall = truePositives / Math.max(1, truePositives + falseNegatives);
      const summary = `precision ${precision.toFixed(3)} (${truePositives}/${truePositives + falsePositives}), recall ${recall.toFixed(3)} (${truePositives}/${truePositives + falseNegatives}) over ${entries.length} quotes on ${dataset.models.length} models`;
      context.annotate(summary);
      console.info(`evaluation: ${summary}${errors.length > 0 ? `\n  ${errors.join('\n  ')}` : ''}`);
      expect(precision, errors.join('\n')).toBeGreaterThanOrEqual(PRECISION);
      expect(recall, errors.join('\n')).toBeGreaterThanOrEqual(RECALL);
    },
  );
});
