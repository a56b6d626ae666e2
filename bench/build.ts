/**
 * Page generation benchmark: a site built with the plugin from N synthetic models, against the same site
 * with the same generated pages as plain files of an ordinary docs instance, in the same run.
 * Usage: node --import tsx bench/build.ts [N=1000] [runs=1] [--plugin-only]
 * `--plugin-only` builds only the site with the plugin: for the question whether N models fit in memory.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {loadDatasetOrThrow} from '../plugin/src/data/index.js';
import {buildAtlasFiles, loadMessages} from '../plugin/src/generate/index.js';
import {syncFolder} from '../plugin/src/generate/sync.js';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
const pluginOnly = process.argv.includes('--plugin-only');
const [count = 1000, runs = 1] = process.argv.slice(2).filter((arg) => !arg.startsWith('--')).map(Number);

function writeSite(dir: string, plugins: string): void {
  fs.mkdirSync(path.join(dir, 'docs'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true}');
  fs.writeFileSync(path.join(dir, 'docs', 'intro.md'), '# Intro\n\nSee the [atlas](/models/).\n');
  fs.mkdirSync(path.join(dir, 'src', 'pages'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'src', 'pages', 'index.md'), '# Home\n');
  fs.writeFileSync(
    path.join(dir, 'docusaurus.config.js'),
    `module.exports = {title: 'Bench', url: 'https://example.com', baseUrl: '/', onBrokenLinks: 'throw', future: {v4: true},
  presets: [['@docusaurus/preset-classic', {docs: {}, blog: false}]],
  plugins: ${plugins}};\n`,
  );
}

/** Wall time and peak RSS (from GNU time) of one `docusaurus build`. */
function build(siteDir: string): {seconds: number; peakMb: number} {
  fs.rmSync(path.join(siteDir, 'build'), {recursive: true, force: true});
  fs.rmSync(path.join(siteDir, 'node_modules', '.cache'), {recursive: true, force: true});
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, DOCUSAURUS, 'build', siteDir], {encoding: 'utf8', maxBuffer: 1 << 28});
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`Build of ${siteDir} failed:\n${result.stdout}\n${result.stderr}`);
  const peakKb = Number(result.stderr.trim().split('\n').at(-1));
  return {seconds, peakMb: Math.round(peakKb / 1024)};
}

/** The plugin's own work, measured in-process: load + validate + generate + write. */
function generateOnce(dataDir: string, outDir: string): number {
  const start = performance.now();
  const {dataset} = loadDatasetOrThrow(dataDir);
  const files = buildAtlasFiles(dataset, {
    routeBasePath: 'models',
    locale: 'en',
    messages: loadMessages('/nonexistent'),
    editUrl: undefined,
    sidebarModels: dataset.models.length <= 500,
    siteUrl: 'https://example.com/',
    mentions: new Map(),
  });
  syncFolder(outDir, files);
  return (performance.now() - start) / 1000;
}

// Inside the repository, so that the sites resolve Docusaurus from its node_modules; removed at the end.
const work = fs.mkdtempSync(path.join(ROOT, 'bench', `.build-${count}-`));
const withPlugin = path.join(work, 'with-plugin');
const plain = path.join(work, 'plain');
writeSite(withPlugin, `[['docusaurus-plugin-model-atlas', {}]]`);
writeSyntheticDataset(count, path.join(withPlugin, 'data'));

if (pluginOnly) {
  const {seconds, peakMb} = build(withPlugin);
  console.log(JSON.stringify({models: count, pluginOnly, pluginBuildSeconds: +seconds.toFixed(1), pluginPeakMb: peakMb}));
  fs.rmSync(work, {recursive: true, force: true});
  process.exit(0);
}

// The baseline gets exactly the plugin's output: docs, sidebar, static files and the theme components.
const generated = path.join(work, 'generated');
const generateSeconds = generateOnce(path.join(withPlugin, 'data'), generated);
writeSite(
  plain,
  `[['@docusaurus/plugin-content-docs', {id: 'model-atlas', path: ${JSON.stringify(path.join(generated, 'docs'))}, routeBasePath: 'models', sidebarPath: ${JSON.stringify(path.join(generated, 'sidebars.json'))}, tags: null, onInlineTags: 'ignore'}],
    () => ({name: 'atlas-theme', getThemePath: () => ${JSON.stringify(path.join(ROOT, 'plugin/lib/theme'))}})],
  staticDirectories: ['static', ${JSON.stringify(path.join(generated, 'static'))}]`,
);

const results: {plugin: number; plain: number; pluginPeak: number; plainPeak: number}[] = [];
for (let run = 0; run < runs; run++) {
  const a = build(withPlugin);
  const b = build(plain);
  results.push({plugin: a.seconds, plain: b.seconds, pluginPeak: a.peakMb, plainPeak: b.peakMb});
  console.log(`run ${run + 1}: plugin ${a.seconds.toFixed(1)} s (${a.peakMb} MB), plain ${b.seconds.toFixed(1)} s (${b.peakMb} MB)`);
}
const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const pluginSeconds = median(results.map((r) => r.plugin));
const plainSeconds = median(results.map((r) => r.plain));
console.log(
  JSON.stringify({
    models: count,
    runs,
    pluginBuildSeconds: +pluginSeconds.toFixed(1),
    plainBuildSeconds: +plainSeconds.toFixed(1),
    ratio: +(pluginSeconds / plainSeconds).toFixed(3),
    generateSeconds: +generateSeconds.toFixed(2),
    pluginShare: +((generateSeconds / pluginSeconds) * 100).toFixed(1),
    pluginPeakMb: median(results.map((r) => r.pluginPeak)),
    plainPeakMb: median(results.map((r) => r.plainPeak)),
  }),
);
fs.rmSync(work, {recursive: true, force: true});
