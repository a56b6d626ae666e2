/**
 * The remark plugin on the atlas's own pages: what a docs-mode build runs on every generated page (the
 * model, taxonomy, ids and survey pages), parsed as the MDX loader parses them. Each run is a fresh Node
 * process (a build's cold start): the built plugin (`plugin/lib`) and, with `--base=<dir>`, a `lib` folder
 * built from another commit (inside the repository), on the same pages; the variants take turns; medians
 * of the time spent in the plugin's transformer, parsing excluded.
 *
 * With `corpus` instead of a number of models: the real dataset linking others' prose, the pages of
 * ../shared/corpus/transformers-model-doc/en beside the project root (fails plainly when it is absent).
 *
 *   node --import tsx bench/atlas-link.ts [models=1000|data|corpus] [runs=5] [--base=plugin/.lib-base]
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import YAML from 'yaml';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;
const CORPUS = path.resolve(ROOT, '../shared/corpus/transformers-model-doc/en');

/** The corpus's pages, by name (CommonMark with GFM, no front matter). */
function corpusPages(): Map<string, string> {
  if (!fs.existsSync(CORPUS)) throw new Error(`bench/atlas-link: the corpus ${CORPUS} is absent (it is ../shared/corpus beside the project root).`);
  return new Map(fs.readdirSync(CORPUS).filter((file) => file.endsWith('.md')).map((file) => [file, fs.readFileSync(path.join(CORPUS, file), 'utf8')]));
}

/** Milliseconds the remark plugin of `lib` takes over every generated page of the dataset (or the corpus), in this process. */
async function linkOnce(lib: string, dataDir: string, corpus: boolean): Promise<{ms: number; pages: number}> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'plugin/lib', module)).href);
  const {loadDatasetOrThrow} = await load('data/index.js');
  const {buildAtlasFiles, loadMessages} = await load('generate/index.js');
  const {default: remarkModelLinks} = await import(pathToFileURL(path.join(lib, 'link/remark.js')).href);
  const {dataset} = loadDatasetOrThrow(dataDir);
  if (corpus) {
    const parser = unified().use(remarkParse).use(remarkGfm);
    const pages = [...corpusPages()].map(([file, value]) => ({tree: parser.parse(value), file: new VFile({path: file, value, data: {frontMatter: {}}})}));
    const transform = remarkModelLinks({data: dataset, routeBasePath: '/models'});
    const start = performance.now();
    for (const {tree, file} of pages) transform(tree, file);
    return {ms: performance.now() - start, pages: pages.length};
  }
  const files: Map<string, string> = buildAtlasFiles(dataset, {
    routeBasePath: 'models',
    locale: 'en',
    messages: loadMessages(path.join(dataDir, 'no-translations')),
    editUrl: undefined,
    modelRoutes: false,
    sidebarModels: true,
    siteUrl: 'https://example.com/',
    mentions: new Map(),
  });
  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const pages = [...files].filter(([file]) => file.endsWith('.mdx')).map(([file, content]) => {
    const [, frontMatter = '', value] = FRONT_MATTER.exec(String(content))!;
    // As the MDX loader gives it: the front matter read, the body parsed.
    return {tree: parser.parse(value!), file: new VFile({path: file, value, data: {frontMatter: YAML.parse(frontMatter)}})};
  });
  const transform = remarkModelLinks({data: dataset, routeBasePath: '/models'});
  const start = performance.now();
  for (const {tree, file} of pages) transform(tree, file);
  return {ms: performance.now() - start, pages: pages.length};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (process.argv[2] === '--child') {
  const [lib, dataDir, corpus] = process.argv.slice(3) as [string, string, string];
  process.stdout.write(JSON.stringify(await linkOnce(lib, dataDir, corpus === 'corpus')));
} else {
  const [models = '1000', runs = '5'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const base = process.argv.find((arg) => arg.startsWith('--base='))?.slice('--base='.length);
  const dataDir = models === 'data' || models === 'corpus' ? path.join(ROOT, 'data') : writeSyntheticDataset(Number(models));
  if (models === 'corpus') corpusPages();
  const variants: [string, string][] = [['plugin/lib', path.join(ROOT, 'plugin/lib')], ...(base ? [[base, path.resolve(base)] as [string, string]] : [])];
  const self = fileURLToPath(import.meta.url);
  const samples = variants.map((): number[] => []);
  let pages = 0;
  for (let run = 0; run < Number(runs); run++) {
    variants.forEach(([, lib], index) => {
      const result = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', lib, dataDir, models], {encoding: 'utf8'}));
      samples[index]!.push(result.ms);
      pages = result.pages;
    });
  }
  const baseline = median(samples[0]!);
  const over = models === 'corpus' ? `the real dataset: the remark plugin over ${pages} pages of ${CORPUS}` : `${models === 'data' ? 'the real dataset' : `${models} synthetic models`}: the remark plugin over ${pages} generated pages`;
  console.log(`${over}, ${runs} runs each (fresh processes, in turns), medians:`);
  variants.forEach(([name], index) => {
    const ms = median(samples[index]!);
    console.log(`  ${name}: ${Math.round(ms)} ms (×${(ms / baseline).toFixed(2)})`);
  });
}
