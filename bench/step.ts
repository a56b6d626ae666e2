/**
 * The plugin's own steps as a real `docusaurus build` runs them (the other plugins starting meanwhile), N
 * synthetic models in docs mode, and the "Load site" phase that holds them: each build is stopped once the
 * site is loaded. The built plugin (`plugin/lib`, copied first) against another commit's `lib`
 * (`--base=<dir>`, inside the repository), in turns. `--fresh` removes the generated folder (`.docusaurus`)
 * before each build, as a CI checkout or `docusaurus clear` leaves it; otherwise the folder of the previous
 * build is kept. Medians, with the range.
 *
 *   npm run build -w docusaurus-plugin-model-atlas && node --import tsx bench/step.ts [N=1000] [runs=8] --base=plugin/.lib-base [--fresh]
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
const args = process.argv.slice(2);
const [count = '1000', runs = '8'] = args.filter((arg) => !arg.startsWith('--'));
const base = args.find((arg) => arg.startsWith('--base='))?.slice('--base='.length);
const fresh = args.includes('--fresh');
if (!base) throw new Error('Usage: bench/step.ts [N] [runs] --base=<another commit\'s lib> [--fresh]');

// Inside the repository, so that the site resolves Docusaurus from its node_modules; removed at the end.
const work = fs.mkdtempSync(path.join(ROOT, 'bench', '.step-'));
const data = writeSyntheticDataset(Number(count), path.join(work, 'data'));
// Copies, so that rebuilding plugin/lib meanwhile changes nothing; each beside the plugin's package.json (ES modules).
const libs = {now: path.join(work, 'now-plugin', 'lib'), base: path.join(work, 'base-plugin', 'lib')};
fs.cpSync(path.join(ROOT, 'plugin/lib'), libs.now, {recursive: true});
fs.cpSync(path.resolve(base), libs.base, {recursive: true});
for (const lib of Object.values(libs)) fs.copyFileSync(path.join(ROOT, 'plugin/package.json'), path.join(lib, '..', 'package.json'));

function writeSite(siteDir: string, lib: string): void {
  fs.mkdirSync(path.join(siteDir, 'docs'), {recursive: true});
  fs.writeFileSync(path.join(siteDir, 'package.json'), '{"private": true}');
  fs.writeFileSync(path.join(siteDir, 'docs', 'intro.md'), '# Intro\n');
  fs.writeFileSync(
    path.join(siteDir, 'docusaurus.config.mjs'),
    `export default {title: 'Bench', url: 'https://example.com', baseUrl: '/', onBrokenLinks: 'throw', future: {v4: true},
  presets: [['@docusaurus/preset-classic', {docs: {}, blog: false}]],
  plugins: [[${JSON.stringify(path.join(lib, 'index.js'))}, {path: ${JSON.stringify(data)}, modelPages: 'docs'}]]};\n`,
  );
}

/** Milliseconds of a `[PERF]` line's duration (`12.3 ms` or `1.23 seconds!`). */
const milliseconds = (value: string, unit: string) => (unit === 'ms' ? Number(value) : Number(value) * 1000);

interface Sample {
  /** Each own step ("Model Atlas: …"), and their sum as `own steps`. */
  readonly steps: Record<string, number>;
  readonly loadSite: number;
}

/** The own steps and the "Load site" phase of one build of `siteDir`, which is stopped once the site is loaded. */
function stepsOnce(siteDir: string): Promise<Sample> {
  if (fresh) fs.rmSync(path.join(siteDir, '.docusaurus'), {recursive: true, force: true});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOCUSAURUS, 'build', siteDir], {env: {...process.env, DOCUSAURUS_PERF_LOGGER: 'true', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}});
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const log = out.replace(/\x1b\[[0-9;]*m/g, '');
      const loaded = /Load site - ([\d.]+) (ms|seconds)/.exec(log);
      if (!loaded) return;
      child.kill('SIGKILL');
      const steps: Record<string, number> = {};
      for (const [, name, value, unit] of log.matchAll(/(Model Atlas: [^-\n]+?) - ([\d.]+) (ms|seconds)/g)) steps[name!] = (steps[name!] ?? 0) + milliseconds(value!, unit!);
      steps['own steps'] = Object.values(steps).reduce((sum, value) => sum + value, 0);
      resolve({steps, loadSite: milliseconds(loaded[1]!, loaded[2]!)});
    });
    child.on('close', () => reject(new Error(`The build of ${siteDir} ended before the site was loaded:\n${out.slice(-3000)}`)));
  });
}

const sites = {now: path.join(work, 'now'), base: path.join(work, 'base')};
writeSite(sites.now, libs.now);
writeSite(sites.base, libs.base);
const samples: Record<keyof typeof sites, Sample[]> = {now: [], base: []};
try {
  // A first build of each, not counted: it writes the kept folder, and warms the disk caches.
  for (const variant of ['now', 'base'] as const) await stepsOnce(sites[variant]);
  for (let run = 0; run < Number(runs); run++) {
    for (const variant of run % 2 === 0 ? (['now', 'base'] as const) : (['base', 'now'] as const)) samples[variant].push(await stepsOnce(sites[variant]));
  }
} finally {
  fs.rmSync(work, {recursive: true, force: true});
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (values: number[]) => `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
console.log(`${count} synthetic models, ${fresh ? 'fresh generated folder' : 'generated folder kept'}, ${runs} builds each (in turns), medians:`);
for (const variant of ['now', 'base'] as const) {
  const done = samples[variant];
  console.log(`  ${variant === 'now' ? 'plugin/lib' : base}: "Load site" ${summary(done.map((sample) => sample.loadSite))}`);
  const names = [...new Set(done.flatMap((sample) => Object.keys(sample.steps)))];
  for (const name of names) console.log(`    ${name}: ${summary(done.map((sample) => sample.steps[name] ?? 0))}`);
}
