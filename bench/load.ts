/**
 * Loading N synthetic models (default 10,000) or the real dataset (`data`), each run in a fresh Node
 * process, as a build does it once: reading and parsing, validating, indexing, timed apart. Against
 * reading and parsing alone, and, with `--base=<dir>`, a `lib` folder built from another commit (inside
 * the repository, so that it finds the same packages). Uses the built plugin (`plugin/lib`); the variants
 * take turns; medians.
 *
 *   npm run build -w docusaurus-plugin-model-atlas
 *   node --import tsx bench/load.ts [models=10000|data] [runs=5] [--base=plugin/.lib-base]
 *
 * With --hostile, `model-atlas validate` (load, validate, print the text
 * output) on each hostile dataset of bench/hostile.ts instead, each run in a
 * fresh process, against the valid fixture as the baseline:
 *
 *   node --import tsx bench/load.ts --hostile [runs=3]
 */
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {run} from '../plugin/src/cli/index.js';
import {copyValid, HOSTILE_CASES, writeHostileCase, type HostileCase} from './hostile.js';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Sample {
  readonly read: number;
  readonly validate: number;
  readonly index: number;
  readonly total: number;
  readonly maxRssMb: number;
}

/** One cold load in this process, by the steps of `loadDataset`; with `parseOnly`, reading and parsing alone. */
async function loadOnce(lib: string, dir: string, parseOnly: boolean): Promise<Sample> {
  const load = (module: string) => import(pathToFileURL(path.join(lib, 'data', module)).href);
  const [{readDataset}, {validateDataset}, {hasErrors, sortDiagnostics}, {buildDataset}] = await Promise.all(['load.js', 'validate.js', 'diagnostics.js', 'dataset.js'].map(load));
  const start = performance.now();
  const raw = readDataset(dir);
  const read = performance.now();
  if (raw.diagnostics.length > 0) throw new Error(`the dataset in ${dir} did not parse cleanly`);
  if (parseOnly) return {read: read - start, validate: 0, index: 0, total: read - start, maxRssMb: process.resourceUsage().maxRSS / 1024};
  const diagnostics = sortDiagnostics(validateDataset(raw));
  const validated = performance.now();
  if (hasErrors(diagnostics)) throw new Error(`the dataset in ${dir} is not valid`);
  buildDataset(raw);
  const indexed = performance.now();
  return {read: read - start, validate: validated - read, index: indexed - validated, total: indexed - start, maxRssMb: process.resourceUsage().maxRSS / 1024};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `model-atlas validate <dir>` with its output counted, not printed. */
function validateOnce(dir: string) {
  let bytes = 0;
  const count = (text: string) => void (bytes += Buffer.byteLength(text));
  const start = performance.now();
  const code = run(['validate', dir], {stdout: count, stderr: count, cwd: dir});
  const ms = performance.now() - start;
  return {ms, maxRssMb: process.resourceUsage().maxRSS / 1024, code, outputKb: bytes / 1024};
}

function benchHostile(runs: number) {
  const self = fileURLToPath(import.meta.url);
  const cases: [string, string][] = [['valid fixture (baseline)', copyValid()], ...Object.keys(HOSTILE_CASES).map((name): [string, string] => [name, writeHostileCase(name as HostileCase)])];
  console.log(`model-atlas validate, ${runs} runs each in a fresh process, medians:`);
  console.log('| input | exit | median time | median peak RSS | output |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, dir] of cases) {
    const samples = Array.from({length: runs}, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child-validate', dir], {encoding: 'utf8'})) as ReturnType<typeof validateOnce>);
    const ms = Math.round(median(samples.map((s) => s.ms)));
    const rss = Math.round(median(samples.map((s) => s.maxRssMb)));
    console.log(`| ${name} | ${samples[0]!.code} | ${ms.toLocaleString('en')} ms | ${rss} MB | ${samples[0]!.outputKb.toFixed(1)} KB |`);
  }
}

if (process.argv[2] === '--child') {
  const [lib, dir, mode] = process.argv.slice(3) as [string, string, string];
  process.stdout.write(JSON.stringify(await loadOnce(lib, dir, mode === 'parse')));
} else if (process.argv[2] === '--child-validate') {
  process.stdout.write(JSON.stringify(validateOnce(process.argv[3]!)));
} else if (process.argv[2] === '--hostile') {
  benchHostile(Number(process.argv[3] ?? 3));
} else {
  const [models = '10000', runs = '5'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const base = process.argv.find((arg) => arg.startsWith('--base='))?.slice('--base='.length);
  const dir = models === 'data' ? path.join(ROOT, 'data') : writeSyntheticDataset(Number(models));
  const lib = path.join(ROOT, 'plugin/lib');
  const variants: [string, string, 'parse' | 'load'][] = [
    ['plugin/lib, read + parse only', lib, 'parse'],
    ['plugin/lib', lib, 'load'],
    ...(base ? [[base, path.resolve(base), 'load'] as [string, string, 'load']] : []),
  ];
  const self = fileURLToPath(import.meta.url);
  const samples = variants.map((): Sample[] => []);
  for (let turn = 0; turn < Number(runs); turn++) {
    variants.forEach(([, variantLib, mode], index) => {
      samples[index]!.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', variantLib, dir, mode], {encoding: 'utf8'})));
    });
  }
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  console.log(`${models === 'data' ? 'the real dataset' : `${models} synthetic models`}, ${runs} runs each in a fresh process, medians:`);
  console.log('| variant | read + parse | validate | index | total | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  variants.forEach(([name], index) => {
    const of = (key: keyof Sample) => median(samples[index]!.map((sample) => sample[key]));
    const [, , mode] = variants[index]!;
    const step = (key: 'validate' | 'index') => (mode === 'parse' ? '—' : ms(of(key)));
    console.log(`| ${name} | ${ms(of('read'))} | ${step('validate')} | ${step('index')} | **${ms(of('total'))}** | ${Math.round(of('maxRssMb'))} MB |`);
  });
}
