/**
 * Load + validate N synthetic models (default 10,000), against reading and
 * parsing the same files without validation, in the same run.
 * Each measurement runs in a fresh child process so peak memory is its own.
 *
 *   node --import tsx bench/load.ts [models=10000] [runs=5]
 *
 * With --hostile, `model-atlas validate` (load, validate, print the text
 * output) on each hostile dataset of bench/hostile.ts instead, each run in a
 * fresh process, against the valid fixture as the baseline:
 *
 *   node --import tsx bench/load.ts --hostile [runs=3]
 */
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {readDataset} from '../plugin/src/data/load.js';
import {run} from '../plugin/src/cli/index.js';
import {loadDataset} from '../plugin/src/data/index.js';
import {copyValid, HOSTILE_CASES, writeHostileCase, type HostileCase} from './hostile.js';
import {writeSyntheticDataset} from './synthetic.js';

type Mode = 'parse' | 'validate';

function measureOnce(mode: Mode, dir: string) {
  const start = performance.now();
  const result = mode === 'parse' ? readDataset(dir) : loadDataset(dir);
  const ms = performance.now() - start;
  const ok = mode === 'parse' ? result.diagnostics.length === 0 : 'dataset' in result && result.dataset !== undefined;
  if (!ok) throw new Error(`the synthetic dataset did not ${mode} cleanly`);
  return {ms, maxRssMb: process.resourceUsage().maxRSS / 1024};
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
  process.stdout.write(JSON.stringify(measureOnce(process.argv[3] as Mode, process.argv[4]!)));
} else if (process.argv[2] === '--child-validate') {
  process.stdout.write(JSON.stringify(validateOnce(process.argv[3]!)));
} else if (process.argv[2] === '--hostile') {
  benchHostile(Number(process.argv[3] ?? 3));
} else {
  const count = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 5);
  const dir = writeSyntheticDataset(count);
  const self = fileURLToPath(import.meta.url);
  const samples: Record<Mode, {ms: number; maxRssMb: number}[]> = {parse: [], validate: []};
  for (let run = 0; run < runs; run++) {
    for (const mode of ['parse', 'validate'] as const) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir], {encoding: 'utf8'});
      samples[mode].push(JSON.parse(output));
    }
  }
  const summary = (mode: Mode) => ({
    medianMs: Math.round(median(samples[mode].map((s) => s.ms))),
    medianPeakRssMb: Math.round(median(samples[mode].map((s) => s.maxRssMb))),
  });
  const parse = summary('parse');
  const validate = summary('validate');
  console.log(`${count} models, ${runs} runs each, medians:`);
  console.log(`  read + parse YAML:            ${parse.medianMs} ms, peak RSS ${parse.medianPeakRssMb} MB`);
  console.log(`  read + parse + validate + index: ${validate.medianMs} ms, peak RSS ${validate.medianPeakRssMb} MB`);
  console.log(`  validation + indexing cost: ×${(validate.medianMs / parse.medianMs).toFixed(2)} of parsing alone`);
}
