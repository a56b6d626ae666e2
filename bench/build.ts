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
  // Prose that mentions models, for the auto-linker and the "Mentioned in" scan (the baseline shows it unlinked).
  const mentions = Array.from({length: 20}, (_, i) => `- Synthetic Model ${i * 7} came after SM-${i * 7 + 1}.`).join('\n');
  fs.writeFileSync(path.join(dir, 'docs', 'reading.md'), `# Reading list\n\n${mentions}\n`);
  fs.mkdirSync(path.join(dir, 'src', 'pages'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'src', 'pages', 'index.md'), '# Home\n');
  fs.writeFileSync(
    path.join(dir, 'docusaurus.config.js'),
    `module.exports = {title: 'Bench', url: 'https://example.com', baseUrl: '/', onBrokenLinks: 'throw', future: {v4: true},
  presets: [['@docusaurus/preset-classic', {docs: {}, blog: false}]],
  plugins: ${plugins}};\n`,
  );
}

/** Seconds of a `[PERF]` line of Docusaurus's perf log (`12.3 ms` or `1.23 seconds!`). */
function perfSeconds(line: string): number {
  const [, value, unit] = /- ([\d.]+) (ms|seconds)/.exec(line)!;
  return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

/**
 * Wall time and peak RSS (from GNU time) of one `docusaurus build`, and the plugin's own steps as the
 * perf log reports them (load and validate, generate, scan mentions, write mentions).
 */
function build(siteDir: string): {seconds: number; peakMb: number; atlasSeconds: number} {
  fs.rmSync(path.join(siteDir, 'build'), {recursive: true, force: true});
  fs.rmSync(path.join(siteDir, 'node_modules', '.cache'), {recursive: true, force: true});
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, DOCUSAURUS, 'build', siteDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {...process.env, DOCUSAURUS_PERF_LOGGER: 'true'},
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`Build of ${siteDir} failed:\n${result.stdout}\n${result.stderr}`);
  const peakKb = Number(result.stderr.trim().split('\n').at(-1));
  const plain = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const steps = plain.split('\n').filter((line) => line.startsWith('[PERF]') && line.includes('Model Atlas: '));
  if (steps.length > 0) console.log(steps.map((line) => `  ${line.replace(/.*(Model Atlas: [^-]+) - ([^-]+) -.*/, '$1: $2')}`).join('\n'));
  const atlasSeconds = steps.reduce((sum, line) => sum + perfSeconds(line), 0);
  return {seconds, peakMb: Math.round(peakKb / 1024), atlasSeconds};
}

/** Writes what the plugin generates, for the baseline site to serve as plain docs. */
function generateOnce(dataDir: string, outDir: string): void {
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
}

// Inside the repository, so that the sites resolve Docusaurus from its node_modules; removed at the end.
const work = fs.mkdtempSync(path.join(ROOT, 'bench', `.build-${count}-`));
const withPlugin = path.join(work, 'with-plugin');
const plain = path.join(work, 'plain');
writeSite(withPlugin, `[['docusaurus-plugin-model-atlas', {}]]`);
writeSyntheticDataset(count, path.join(withPlugin, 'data'));

if (pluginOnly) {
  const {seconds, peakMb, atlasSeconds} = build(withPlugin);
  console.log(JSON.stringify({models: count, pluginOnly, pluginBuildSeconds: +seconds.toFixed(1), pluginPeakMb: peakMb, atlasSeconds: +atlasSeconds.toFixed(2)}));
  fs.rmSync(work, {recursive: true, force: true});
  process.exit(0);
}

// The baseline gets exactly the plugin's output: docs, sidebar, static files and the theme components.
const generated = path.join(work, 'generated');
generateOnce(path.join(withPlugin, 'data'), generated);
writeSite(
  plain,
  `[['@docusaurus/plugin-content-docs', {id: 'model-atlas', path: ${JSON.stringify(path.join(generated, 'docs'))}, routeBasePath: 'models', sidebarPath: ${JSON.stringify(path.join(generated, 'sidebars.json'))}, tags: null, onInlineTags: 'ignore'}],
    () => ({name: 'atlas-theme', getThemePath: () => ${JSON.stringify(path.join(ROOT, 'plugin/lib/theme'))}})],
  staticDirectories: ['static', ${JSON.stringify(path.join(generated, 'static'))}]`,
);

// The first builds after a while run at half speed (disk caches): one unmeasured build of each site first.
build(withPlugin);
build(plain);

const results: {plugin: number; plain: number; pluginPeak: number; plainPeak: number; atlas: number}[] = [];
for (let run = 0; run < runs; run++) {
  // Alternate which site builds first, so that neither always gets the warmer (or the more tired) machine.
  const plainFirst = run % 2 === 1;
  const first = plainFirst ? build(plain) : build(withPlugin);
  const second = plainFirst ? build(withPlugin) : build(plain);
  const [a, b] = plainFirst ? [second, first] : [first, second];
  results.push({plugin: a.seconds, plain: b.seconds, pluginPeak: a.peakMb, plainPeak: b.peakMb, atlas: a.atlasSeconds});
  console.log(
    `run ${run + 1}: plugin ${a.seconds.toFixed(1)} s (${a.peakMb} MB; its own steps ${a.atlasSeconds.toFixed(2)} s), plain ${b.seconds.toFixed(1)} s (${b.peakMb} MB), ratio ${(a.seconds / b.seconds).toFixed(3)}`,
  );
}
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
const pluginSeconds = median(results.map((r) => r.plugin));
const plainSeconds = median(results.map((r) => r.plain));
console.log(
  JSON.stringify({
    models: count,
    runs,
    pluginBuildSeconds: +pluginSeconds.toFixed(1),
    plainBuildSeconds: +plainSeconds.toFixed(1),
    medianRatio: +median(results.map((r) => r.plugin / r.plain)).toFixed(3),
    ratioOfMedians: +(pluginSeconds / plainSeconds).toFixed(3),
    atlasStepsSeconds: +median(results.map((r) => r.atlas)).toFixed(2),
    pluginShare: +median(results.map((r) => (r.atlas / r.plugin) * 100)).toFixed(1),
    pluginPeakMb: median(results.map((r) => r.pluginPeak)),
    plainPeakMb: median(results.map((r) => r.plainPeak)),
  }),
);
fs.rmSync(work, {recursive: true, force: true});
