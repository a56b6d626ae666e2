/** Exports escaped for their format (issue 15, rows 7 and 8): CSV formula injection, BibTeX brace injection. */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {toModelsBib, toModelsCsv} from '../../plugin/src/generate/exports.js';
import {copyValidDataset} from '../data/helpers.js';

/** The valid fixture with hostile names and titles. */
function hostileDataset() {
  const dir = copyValidDataset();
  const edit = (file: string, from: string, to: string) => fs.writeFileSync(path.join(dir, file), fs.readFileSync(path.join(dir, file), 'utf8').replace(from, to));
  edit('models/bert.yaml', 'name: BERT', `name: '=HYPERLINK("https://evil.example","BERT")'`);
  edit('models/bert.yaml', "paper: {title: 'BERT: Pre-training of Deep Bidirectional Transformers'", "paper: {title: 'BERT}, note = {x}}\n@misc{evil, title = {pwned', authors: ['A} and {B', '100% \\ #1 & $2 _ ^ ~']");
  edit('models/gpt.yaml', 'name: GPT', "name: '+GPT'");
  edit('models/gpt.yaml', 'arxiv: null', "arxiv: null, venue: '@venue {unbalanced'");
  edit('models/transformer.yaml', 'name: Transformer', "name: \"-Transformer\\tx\"\naliases: ['@import', \"\\ttab\", \"\\rcr\"]");
  return loadDatasetOrThrow(dir).dataset;
}

/** The top-level `@` entries of a BibTeX file, found as BibTeX does: by brace depth. */
function bibtexEntries(text: string): {type: string; depthNeverNegative: boolean}[] {
  const entries: {type: string; depthNeverNegative: boolean}[] = [];
  let depth = 0;
  let negative = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth === 0 && c === '@') entries.push({type: /^@(\w+)/.exec(text.slice(i))![1]!, depthNeverNegative: true});
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (depth < 0) negative = true;
  }
  return entries.map((entry) => ({...entry, depthNeverNegative: !negative && depth === 0}));
}

/** RFC 4180 parse: fields, quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const pattern = /("(?:[^"]|"")*"|[^,"\r\n]*)(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    const raw = match[1]!;
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('exports of hostile values', () => {
  const dataset = hostileDataset();

  it('row 7: CSV cells that a spreadsheet would read as formulas start with a quote', () => {
    const rows = parseCsv(toModelsCsv(dataset));
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'name', 'aliases']);
    expect(byId.get('bert')![1]).toBe(`'=HYPERLINK("https://evil.example","BERT")`);
    expect(byId.get('gpt')![1]).toBe("'+GPT");
    expect(byId.get('transformer')![1]).toBe("'-Transformer\tx");
    expect(byId.get('transformer')![2]).toBe("'@import; \ttab; \rcr");
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('row 8: a brace in a title can neither close the field nor start an entry', () => {
    const bib = toModelsBib(dataset);
    const entries = bibtexEntries(bib);
    expect(entries.map((entry) => entry.type)).toEqual(['misc', 'misc', 'misc']);
    expect(entries.every((entry) => entry.depthNeverNegative)).toBe(true);
    expect(bib).toContain('title = {BERT\\textbraceright{}, note = \\textbraceleft{}x\\textbraceright{}\\textbraceright{} @misc\\textbraceleft{}evil, title = \\textbraceleft{}pwned}');
    expect(bib).toContain('author = {A\\textbraceright{} and \\textbraceleft{}B and 100\\% \\textbackslash{} \\#1 \\& \\$2 \\_ \\textasciicircum{} \\textasciitilde{}}');
    expect(bib).toContain('booktitle = {@venue \\textbraceleft{}unbalanced}');
  });
});
