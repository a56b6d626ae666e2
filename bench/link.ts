/**
 * Auto-linking cost: parse + link + stringify against parse + stringify, and against the naive way
 * (one mdast-util-find-and-replace pass per name), in the same run. Medians of several runs.
 *
 *   node --import tsx bench/link.ts [runs=5] [megabytes=12]
 *
 * With megabytes 0, only the adversarial paragraph is measured.
 *
 * Corpus: ../shared/corpus/transformers-model-doc/en beside the project root (Markdown pages dense with
 * model names), repeated until it reaches the size asked; synthetic prose when that folder is absent (said
 * in the output; with CI=true a missing corpus fails instead). Names: the link fixture's models, the first
 * heading of every corpus page (real model names), and synthetic names, 10,000 in all.
 *
 * Then the adversarial paragraph: 1 MB of one paragraph with about 93,000 mentions of the project's dataset
 * on separate lines (each a name, a variant, a compound or a version), link time against parse time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {findAndReplace, type ReplaceFunction} from 'mdast-util-find-and-replace';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {loadDatasetOrThrow} from '../plugin/src/data/index.js';
import type {Dataset, Model} from '../plugin/src/data/types.js';
import {isWholeMention} from '../plugin/src/link/boundaries.js';
import {compileMatcher} from '../plugin/src/link/matcher.js';
import remarkModelLinks from '../plugin/src/link/remark.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/transformers-model-doc/en');
const FIXTURE_DATA = path.join(ROOT, 'test/fixtures/link/data');
const PROJECT_DATA = path.join(ROOT, 'data');
const NAME_COUNT = 10_000;
/** Names the naive pass runs on; its time is extrapolated linearly to every name. */
const NAIVE_NAMES = 100;
/** Share of the corpus the naive pass runs on; extrapolated linearly to the whole corpus. */
const NAIVE_SHARE = 0.1;

const runs = Number(process.argv[2] ?? 5);
const megabytes = Number(process.argv[3] ?? 12);

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pages of the corpus (or synthetic ones), repeated to the size asked. */
function readCorpus(): {pages: string[]; source: string} {
  let base: string[];
  let source: string;
  if (fs.existsSync(CORPUS)) {
    base = fs.readdirSync(CORPUS).filter((file) => file.endsWith('.md')).sort().map((file) => fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    source = `${CORPUS} (${base.length} pages)`;
  } else {
    if (process.env.CI === 'true') {
      console.error(`bench/link: the corpus ${CORPUS} is absent (it is ../shared/corpus beside the project root); failing under CI=true.`);
      process.exit(1);
    }
    const paragraph = 'We compare BERT with RoBERTa and GPT-3.5, then fine-tune T5 on *wav2vec 2.0* features; `ViT` code.\n\n';
    base = Array.from({length: 400}, (_, i) => `# Page ${i}\n\n${paragraph.repeat(60)}`);
    source = `synthetic prose (${CORPUS} is absent)`;
  }
  const pages: string[] = [];
  let bytes = 0;
  while (bytes < megabytes * 1024 * 1024) {
    for (const page of base) {
      pages.push(page);
      bytes += Buffer.byteLength(page);
    }
  }
  return {pages, source};
}

/** A dataset of 10,000 names: the fixture models, the corpus page titles, and synthetic names. */
function buildDataset(pages: readonly string[]): Dataset {
  const fixture = loadDatasetOrThrow(FIXTURE_DATA).dataset;
  const names = new Set(fixture.models.flatMap((model) => model.names.map((name) => name.text)));
  for (const page of pages) {
    const title = /^# (.+)$/m.exec(page)?.[1]?.replace(/[*_`[\]]/g, '').trim();
    if (title && title.length < 40) names.add(title);
  }
  for (let i = 0; names.size < NAME_COUNT; i++) names.add(`Synth${i.toString(36).toUpperCase()}-${i % 7}B`);
  const models = [...fixture.models];
  const taken = new Set(models.flatMap((model) => model.names.map((name) => name.text)));
  for (const [index, text] of [...names].entries()) {
    if (taken.has(text)) continue;
    models.push({...fixture.models[0]!, id: `bench-${index}`, name: text, names: [{text, ambiguous: false, matchCase: true}]} as Model);
  }
  const byId = new Map(models.map((model) => [model.id, model]));
  return {...fixture, hash: `bench-${models.length}`, models, model: (id: string) => byId.get(id)} as Dataset;
}

const parser = unified().use(remarkParse).use(remarkGfm);
const stringifier = unified().use(remarkGfm).use(remarkStringify);

/** Runs parse (+ step) + stringify over every page; returns the time of each phase in ms. */
function measure(pages: readonly string[], step?: (tree: Root, file: VFile) => void) {
  let parse = 0;
  let link = 0;
  let stringify = 0;
  for (const page of pages) {
    const file = new VFile({value: page});
    let at = performance.now();
    const tree = parser.parse(file);
    parse += performance.now() - at;
    if (step) {
      at = performance.now();
      step(tree, file);
      link += performance.now() - at;
    }
    at = performance.now();
    stringifier.stringify(tree);
    stringify += performance.now() - at;
  }
  return {parse, link, stringify, total: parse + link + stringify};
}

/** The idiom of mdast-util-gfm-autolink-literal: one find-and-replace pass per name, boundaries in the replacer. */
function linkNaively(names: readonly string[]) {
  const ignore = ['link', 'linkReference', 'code', 'inlineCode', 'heading', 'html', 'definition'];
  const replace: ReplaceFunction = (value: string, match) =>
    isWholeMention(match.input, match.index, match.index + value.length) && {type: 'link', url: '/models/x', children: [{type: 'text', value}]};
  const pairs = names.map((name): [RegExp, ReplaceFunction] => [new RegExp(escapeRegExp(name), 'g'), replace]);
  return (tree: Root) => {
    for (const pair of pairs) findAndReplace(tree, [pair], {ignore});
  };
}

const format = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;

/** Parse + link + stringify against parse + stringify and against the naive way, on the corpus. */
function benchCorpus() {
  const {pages, source} = readCorpus();
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0);
  const dataset = buildDataset(pages);
  let at = performance.now();
  compileMatcher(dataset);
  const compileMs = performance.now() - at;
  const names = dataset.models.flatMap((model) => model.names.map((name) => name.text));
  const link = remarkModelLinks({data: dataset}) as (tree: Root, file: VFile) => void;
  const naiveNames = names.slice(0, NAIVE_NAMES);
  const naivePages = pages.slice(0, Math.ceil(pages.length * NAIVE_SHARE));
  const naive = linkNaively(naiveNames);

  const results = {plain: [] as number[], linked: [] as number[], linkOnly: [] as number[], naiveOnly: [] as number[]};
  let linkCount = 0;
  for (let run = 0; run < runs; run++) {
    results.plain.push(measure(pages).total);
    const linked = measure(pages, (tree, file) => {
      link(tree, file);
      if (run === 0) linkCount += JSON.stringify(tree).split('"type":"link","url":"/models/').length - 1;
    });
    results.linked.push(linked.total);
    results.linkOnly.push(linked.link);
    results.naiveOnly.push(measure(naivePages, naive).link);
  }

  const mb = bytes / 1024 / 1024;
  const plain = median(results.plain);
  const linked = median(results.linked);
  const linkOnly = median(results.linkOnly);
  const naiveMeasured = median(results.naiveOnly);
  const naiveExtrapolated = naiveMeasured * (names.length / naiveNames.length) * (pages.length / naivePages.length);
  console.log(`corpus: ${source}, ${pages.length} documents, ${mb.toFixed(1)} MB; names: ${names.length.toLocaleString('en')}; runs: ${runs}; node ${process.version}`);
  console.log(`matcher compiled once in ${format(compileMs)}; ${linkCount.toLocaleString('en')} links added per run`);
  console.log(`parse + stringify:         ${format(plain)} (${(mb / (plain / 1000)).toFixed(2)} MB/s)`);
  console.log(`parse + link + stringify:  ${format(linked)} (${(mb / (linked / 1000)).toFixed(2)} MB/s), ratio ${(linked / plain).toFixed(3)} (goal ≤ 1.10)`);
  console.log(`link step alone:           ${format(linkOnly)} (${(mb / (linkOnly / 1000)).toFixed(1)} MB/s)`);
  console.log(
    `naive, one find-and-replace pass per name: ${format(naiveMeasured)} measured for ${naiveNames.length} names on ${naivePages.length} documents; ` +
      `extrapolated linearly to ${names.length.toLocaleString('en')} names and ${pages.length} documents: ${format(naiveExtrapolated)}, ` +
      `${Math.round(naiveExtrapolated / linkOnly).toLocaleString('en')}× the link step (goal ≥ 100×)`,
  );
}

if (megabytes > 0) benchCorpus();

/** One paragraph of about 1 MB: a mention per line, names of the project's dataset with variants, compounds and versions. */
function adversarialParagraph(): {text: string; lines: number} {
  const {dataset} = loadDatasetOrThrow(PROJECT_DATA);
  const forms = dataset.models.flatMap((model) => [model.name, `${model.name}-large`, `${model.name}-based`, `${model.name} 2`]);
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; size < 1024 * 1024; index++) {
    const line = forms[index % forms.length]!;
    lines.push(line);
    size += line.length + 1;
  }
  return {text: lines.join('\n'), lines: lines.length};
}

const adversarial = adversarialParagraph();
const linkProject = remarkModelLinks({data: PROJECT_DATA, once: false}) as (tree: Root, file: VFile) => void;
const adversarialRuns = {parse: [] as number[], link: [] as number[]};
let adversarialLinks = 0;
for (let run = 0; run < runs; run++) {
  const file = new VFile({value: adversarial.text});
  let start = performance.now();
  const tree = parser.parse(file);
  adversarialRuns.parse.push(performance.now() - start);
  start = performance.now();
  linkProject(tree, file);
  adversarialRuns.link.push(performance.now() - start);
  if (run === 0) adversarialLinks = JSON.stringify(tree).split('"type":"link","url":"/models/').length - 1;
}
const adversarialParse = median(adversarialRuns.parse);
const adversarialLink = median(adversarialRuns.link);
console.log(
  `adversarial paragraph: ${(Buffer.byteLength(adversarial.text) / 1024 / 1024).toFixed(2)} MB, ${adversarial.lines.toLocaleString('en')} lines, ` +
    `${adversarialLinks.toLocaleString('en')} links; parse ${format(adversarialParse)}, link ${format(adversarialLink)}, ` +
    `link/parse ${(adversarialLink / adversarialParse).toFixed(2)} (goal ≤ 2)`,
);
