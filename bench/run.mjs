#!/usr/bin/env node
/**
 * `npm run bench -- <name> [arguments…]` runs bench/<name>.ts with tsx; without
 * a name it lists the benchmarks and how to call them (the usage line of each
 * file's header). Figures and exact commands: BENCHMARKS.md.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
/** Modules that only support the benchmarks. */
const HELPERS = new Set(['synthetic', 'hostile']);
const benches = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !HELPERS.has(path.basename(file, '.ts')))
  .map((file) => path.basename(file, '.ts'))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- <name> [arguments…]\n\nBenchmarks:');
  for (const bench of benches) {
    const header = fs.readFileSync(path.join(dir, `${bench}.ts`), 'utf8');
    const usage = header.match(/node --import tsx bench\/\S+\.ts[^\n]*/g) ?? [];
    console.log(`  ${bench}\n${usage.map((line) => `      ${line.replace('node --import tsx bench/', 'bench/')}`).join('\n')}`);
  }
  console.log('\nFigures and the exact commands behind them: BENCHMARKS.md.');
  process.exit(0);
}
if (!benches.includes(name)) {
  console.error(`Unknown benchmark "${name}"; one of: ${benches.join(', ')}.`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...args], {stdio: 'inherit'});
process.exit(result.status ?? 1);
