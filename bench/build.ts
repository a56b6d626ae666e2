/**
 * Page generation benchmark: sites built from N synthetic models, in the same run:
 *   docs    the plugin, model pages as docs (`modelPages: 'docs'`, the default);
 *   routes  the plugin, model pages as routes (`modelPages: 'routes'`, page mode);
 *   plain   the floor: an ordinary `plugin-content-docs` instance serving exactly the files the plugin
 *           generates in docs mode (same MDX, sidebar, static files, theme components, shared chunk and bundler rule
 *           for the pages' data),
 *           so the same page count without the plugin's own steps.
 * Usage: node --import tsx bench/build.ts [N=1000] [runs=1] [--sites=docs,routes,plain] [--no-warmup] [--max-rss-gb=16] [--phases[=depth]]
 * Each build is cold (`DOCUSAURUS_NO_PERSISTENT_CACHE`), as in CI. A build whose process tree passes
 * `--max-rss-gb` is killed and reported as such, so that a catalog too large for the machine does not take
 * the machine's other work down with it. `--phases` prints the peak memory of each of Docusaurus's
 * top-level build phases (loading, bundling, static rendering, …), from the perf log and a sample a second.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {loadDatasetOrThrow} from '../plugin/src/data/index.js';
import {buildAtlasFiles, loadMessages} from '../plugin/src/generate/index.js';
import {syncFolder} from '../plugin/src/generate/sync.js';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
const args = process.argv.slice(2);
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const [count = 1000, runs = 1] = args.filter((arg) => !arg.startsWith('--')).map(Number);
type Site = 'docs' | 'routes' | 'plain';
const sites = (flag('sites') ?? 'docs,routes,plain').split(',') as Site[];
const maxRssKb = Number(flag('max-rss-gb') ?? 16) * 1024 * 1024;
const tracePhases = args.some((arg) => arg.startsWith('--phases'));
/** How deep in the perf log's phases `--phases` goes (`--phases=5`: also the steps of loading the site). */
const PHASE_DEPTH = Number(flag('phases') ?? 3);
/** The model page whose weight is measured (any: they all have the same shape). */
const SAMPLE_MODEL = 'synthetic-1';

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
    path.join(dir, 'docusaurus.config.mjs'),
    `import {modelPageChunk, pageDataRule} from ${JSON.stringify(BUNDLER)};
export default {title: 'Bench', url: 'https://example.com', baseUrl: '/', onBrokenLinks: 'throw', future: {v4: true},
  presets: [['@docusaurus/preset-classic', {docs: {}, blog: false}]],
  plugins: ${plugins}};\n`,
  );
}

/** Seconds of a `[PERF]` line of Docusaurus's perf log (`12.3 ms` or `1.23 seconds!`). */
function perfSeconds(line: string): number {
  const [, value, unit] = /- ([\d.]+) (ms|seconds)/.exec(line)!;
  return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

/** Resident memory of a process and its descendants, in KB (from /proc). */
function treeRssKb(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return rss + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0;
  }
}

/** The peak of the memory samples taken during each phase of the perf log (from its end and its length). */
function printPhases(printed: readonly {at: number; line: string}[], samples: readonly {at: number; kb: number}[]): void {
  for (const {at, line} of printed) {
    const label = /^\[PERF\] (.+?) - [\d.]+ (ms|seconds)/.exec(line)?.[1];
    // The build's phases and their steps (`Build > en > Bundling with Rspack`), not each rendering task.
    if (!label || label.split(' > ').length > PHASE_DEPTH || label.includes('SSG Worker')) continue;
    const from = at - perfSeconds(line) * 1000;
    const inPhase = samples.filter((sample) => sample.at >= from && sample.at <= at);
    const peak = Math.max(0, ...inPhase.map((sample) => sample.kb));
    console.log(`  phase ${label}, ${(perfSeconds(line)).toFixed(1)} s: peak ${(peak / 1024 / 1024).toFixed(2)} GB`);
  }
}

/** Gzip size in bytes of a built page and of every script and stylesheet its route loads. */
interface PageWeight {
  readonly totalGzip: number;
  /** `main.js` and the runtime: every page loads them; the route table in main grows with the routes. */
  readonly entryGzip: number;
  /** The route's own chunks (component, data modules, shared chunks). */
  readonly routeGzip: number;
}

function pageWeight(siteDir: string, urlPath: string): PageWeight {
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(siteDir, 'build', file))).length;
  const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'client-manifest.json'), 'utf8'));
  const chunkNames: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'routesChunkNames.json'), 'utf8'));
  const filesOf = (names: Iterable<string>) =>
    new Set([...names].flatMap((name) => (manifest.origins[name] ?? [name]).flatMap((id: string) => Object.values(manifest.assets[id] ?? {}).flat().map((asset) => (asset as {file: string}).file))));
  const flatten = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(flatten));
  const routeKey = Object.keys(chunkNames).find((key) => key.replace(/-[^-]+$/, '') === urlPath);
  if (!routeKey) throw new Error(`no route ${urlPath} in ${siteDir}`);
  const entry = filesOf(manifest.entrypoints);
  const route = [...filesOf(flatten(chunkNames[routeKey]))].filter((file) => !entry.has(file));
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzip(file), 0);
  const entryGzip = sum(entry);
  const routeGzip = sum(route);
  return {totalGzip: gzip(path.join(urlPath, 'index.html')) + entryGzip + routeGzip, entryGzip, routeGzip};
}

interface Measure {
  readonly seconds: number;
  readonly peakMb: number;
  readonly atlasSeconds: number;
  readonly weight?: PageWeight;
  /** Set when the build was killed for passing the memory limit. */
  readonly killed?: string;
}

/**
 * Wall time and peak RSS (GNU time) of one cold `docusaurus build`, the plugin's own steps as the perf log
 * reports them, and the gzip weight of a model page.
 */
async function build(siteDir: string): Promise<Measure> {
  fs.rmSync(path.join(siteDir, 'build'), {recursive: true, force: true});
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, DOCUSAURUS, 'build', siteDir], {
    env: {...process.env, DOCUSAURUS_PERF_LOGGER: 'true', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'},
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  // When each perf line was printed (a phase's line comes when it ends), for `--phases`.
  const printed: {at: number; line: string}[] = [];
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (tracePhases) printed.push(...String(chunk).split('\n').map((line) => ({at: performance.now(), line: line.replace(/\x1b\[[0-9;]*m/g, '')})));
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let watchedPeakKb = 0;
  let killed: string | undefined;
  const samples: {at: number; kb: number}[] = [];
  const watch = setInterval(() => {
    const rss = treeRssKb(child.pid!);
    watchedPeakKb = Math.max(watchedPeakKb, rss);
    samples.push({at: performance.now(), kb: rss});
    if (rss > maxRssKb && !killed) {
      killed = `killed at ${(rss / 1024 / 1024).toFixed(1)} GB after ${((performance.now() - start) / 60000).toFixed(1)} min`;
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, 1000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watch);
  const seconds = (performance.now() - start) / 1000;
  if (tracePhases) printPhases(printed, samples);
  if (killed) return {seconds, peakMb: Math.round(watchedPeakKb / 1024), atlasSeconds: 0, killed};
  if (status !== 0) throw new Error(`Build of ${siteDir} failed:\n${stdout.slice(-5000)}\n${stderr.slice(0, 3000)}`);
  const peakKb = Number(stderr.trim().split('\n').at(-1));
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const steps = plain.split('\n').filter((line) => line.startsWith('[PERF]') && line.includes('Model Atlas: '));
  if (steps.length > 0) console.log(steps.map((line) => `  ${line.replace(/.*(Model Atlas: [^-]+) - ([^-]+) -.*/, '$1: $2')}`).join('\n'));
  const atlasSeconds = steps.reduce((sum, line) => sum + perfSeconds(line), 0);
  return {seconds, peakMb: Math.round(peakKb / 1024), atlasSeconds, weight: pageWeight(siteDir, `/models/${SAMPLE_MODEL}`)};
}

/** Writes what the plugin generates in docs mode, for the baseline site to serve as plain docs. */
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
// The built plugin as it is now: rebuilding plugin/lib while a long benchmark runs does not change what it measures.
const PLUGIN = path.join(work, 'plugin');
fs.cpSync(path.join(ROOT, 'plugin/lib'), path.join(PLUGIN, 'lib'), {recursive: true});
fs.copyFileSync(path.join(ROOT, 'plugin/package.json'), path.join(PLUGIN, 'package.json'));
const THEME = path.join(PLUGIN, 'lib/theme');
const BUNDLER = path.join(PLUGIN, 'lib/bundler.js');
const siteDirs: Record<Site, string> = {docs: path.join(work, 'docs'), routes: path.join(work, 'routes'), plain: path.join(work, 'plain')};
const data = writeSyntheticDataset(count, path.join(work, 'data'));
for (const mode of ['docs', 'routes'] as const) {
  writeSite(siteDirs[mode], `[[${JSON.stringify(path.join(PLUGIN, 'lib/index.js'))}, {path: ${JSON.stringify(data)}, modelPages: '${mode}'}]]`);
}
// The baseline gets exactly the plugin's docs-mode output: docs, sidebar, static files, theme components, shared chunk.
const generated = path.join(work, 'generated');
generateOnce(data, generated);
writeSite(
  siteDirs.plain,
  `[['@docusaurus/plugin-content-docs', {id: 'model-atlas', path: ${JSON.stringify(path.join(generated, 'docs'))}, routeBasePath: 'models', sidebarPath: ${JSON.stringify(path.join(generated, 'sidebars.json'))}, tags: null, onInlineTags: 'ignore', numberPrefixParser: false}],
    () => ({name: 'atlas-theme', getThemePath: () => ${JSON.stringify(THEME)}, configureWebpack: (config, isServer) => ({module: {rules: [pageDataRule([${JSON.stringify(generated)}])]}, ...(isServer ? {} : modelPageChunk(${JSON.stringify(THEME)}))})})],
  staticDirectories: ['static', ${JSON.stringify(path.join(generated, 'static'))}]`,
);

// The first builds after a while run at half speed (disk caches): one unmeasured build of each site first.
if (!args.includes('--no-warmup')) for (const site of sites) await build(siteDirs[site]);

const results: Record<Site, Measure[]> = {docs: [], routes: [], plain: []};
for (let run = 0; run < runs; run++) {
  // Rotate which site builds first, so that none always gets the warmer (or the more tired) machine.
  const order = sites.map((_, i) => sites[(i + run) % sites.length]!);
  for (const site of order) {
    const measure = await build(siteDirs[site]);
    results[site].push(measure);
    console.log(
      `run ${run + 1} ${site}: ${measure.killed ?? `${measure.seconds.toFixed(1)} s, ${measure.peakMb} MB, own steps ${measure.atlasSeconds.toFixed(2)} s, page ${((measure.weight?.totalGzip ?? 0) / 1024).toFixed(1)} KB gzip (entry ${((measure.weight?.entryGzip ?? 0) / 1024).toFixed(1)}, route ${((measure.weight?.routeGzip ?? 0) / 1024).toFixed(1)})`}`,
    );
  }
}
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
const summary = Object.fromEntries(
  sites.map((site) => {
    const done = results[site].filter((m) => !m.killed);
    if (done.length === 0) return [site, {killed: results[site].map((m) => m.killed)}];
    const seconds = median(done.map((m) => m.seconds));
    const peakMb = median(done.map((m) => m.peakMb));
    return [
      site,
      {
        seconds: +seconds.toFixed(1),
        peakMb,
        msPerModel: +((seconds * 1000) / count).toFixed(1),
        mbPerModel: +(peakMb / count).toFixed(2),
        ownStepsSeconds: +median(done.map((m) => m.atlasSeconds)).toFixed(2),
        ownShare: +median(done.map((m) => (m.atlasSeconds / m.seconds) * 100)).toFixed(1),
        pageGzipKb: +(median(done.map((m) => m.weight!.totalGzip)) / 1024).toFixed(1),
        entryGzipKb: +(median(done.map((m) => m.weight!.entryGzip)) / 1024).toFixed(1),
        routeGzipKb: +(median(done.map((m) => m.weight!.routeGzip)) / 1024).toFixed(1),
        runs: done.length,
      },
    ];
  }),
);
const ratio = (site: Site) =>
  results[site].length && results.plain.length && !results[site].some((m) => m.killed) && !results.plain.some((m) => m.killed)
    ? +median(results[site].map((m, i) => m.seconds / results.plain[i]!.seconds)).toFixed(3)
    : undefined;
console.log(JSON.stringify({models: count, runs, ...summary, ratioToPlain: {docs: ratio('docs'), routes: ratio('routes')}}));
fs.rmSync(work, {recursive: true, force: true});
