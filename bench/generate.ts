/**
 * Cold page generation (`buildAtlasFiles`, the data already loaded) of the built plugin (`plugin/lib`), each
 * run in a fresh Node process as in a build: all in this thread, against the family tree laid out in a
 * worker thread meanwhile (what the plugin does). With `--base=<dir>`, also a `lib` folder built from
 * another commit (inside the repository, so that it finds the same packages), all in its thread. The
 * variants take turns; medians.
 *
 *   node --import tsx bench/generate.ts [models=1000|data] [runs=7] [--base=plugin/.lib-base]
 */
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {writeSyntheticDataset} from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');

type Variant = 'thread' | 'worker';

/** One cold generation in this process: milliseconds. */
async function generateOnce(lib: string, variant: Variant, dataDir: string): Promise<number> {
  const load = (module: string) => import(pathToFileURL(path.join(lib, module)).href);
  const {loadDatasetOrThrow} = await load('data/index.js');
  const generate = await load('generate/index.js');
  const {dataset} = loadDatasetOrThrow(dataDir);
  const context = {
    routeBasePath: 'models',
    locale: 'en',
    messages: generate.loadMessages(path.join(dataDir, 'no-translations')),
    editUrl: undefined,
    modelRoutes: false,
    sidebarModels: true,
    sidebarTerms: true,
    siteUrl: 'https://example.com/',
    mentions: new Map(),
  };
  const start = performance.now();
  if (variant === 'worker') await generate.buildAtlasFilesWhileLayingOut(dataset, context, (await load('generate/pictures/layoutWorker.js')).layoutGraphInWorker, new Map());
  else generate.buildAtlasFiles(dataset, context);
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (process.argv[2] === '--child') {
  const [lib, variant, dataDir] = process.argv.slice(3) as [string, Variant, string];
  process.stdout.write(String(await generateOnce(lib, variant, dataDir)));
} else {
  const [models = '1000', runs = '7'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const base = process.argv.find((arg) => arg.startsWith('--base='))?.slice('--base='.length);
  const dataDir = models === 'data' ? path.join(ROOT, 'data') : writeSyntheticDataset(Number(models));
  const variants: [string, string, Variant][] = [
    ['plugin/lib, all in this thread', path.join(ROOT, 'plugin/lib'), 'thread'],
    ['plugin/lib, family tree in a worker (the plugin)', path.join(ROOT, 'plugin/lib'), 'worker'],
    ...(base ? [[`${base}, all in this thread`, path.resolve(base), 'thread'] as [string, string, Variant]] : []),
  ];
  const self = fileURLToPath(import.meta.url);
  const samples = variants.map((): number[] => []);
  for (let run = 0; run < Number(runs); run++) {
    variants.forEach(([, lib, variant], index) => {
      samples[index]!.push(Number(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', lib, variant, dataDir], {encoding: 'utf8'})));
    });
  }
  const baseline = median(samples[0]!);
  console.log(`${models === 'data' ? 'the real dataset' : `${models} synthetic models`}, ${runs} runs each (fresh processes, in turns), medians:`);
  variants.forEach(([name], index) => {
    const ms = median(samples[index]!);
    console.log(`  ${name}: ${Math.round(ms)} ms (×${(ms / baseline).toFixed(2)})`);
  });
}
