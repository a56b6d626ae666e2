/**
 * Page weight: the gzip size of the scripts every model page of the built flagship site runs on load,
 * minus those of a plain notes page, measured in Debian's Chromium (every script request, each file
 * gzipped). Needs `npm run build` first.
 * Usage: node --import tsx bench/weight.ts [--locale=zh-Hans]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {loadDatasetOrThrow} from '../plugin/src/data/index.js';
import {launchChromium, ROOT, scriptsRequested, serveSite, WEBSITE} from '../test/e2e/browser.js';

const BUILD = path.join(WEBSITE, 'build');
const locale = process.argv.find((arg) => arg.startsWith('--locale='))?.split('=')[1];
const prefix = locale ? `/${locale}` : '';
if (!fs.existsSync(BUILD)) throw new Error('No website/build: run `npm run build` first.');

const served = await serveSite(WEBSITE);
const browser = await launchChromium();
const gzipped = new Map<string, number>();
const gzipSize = (file: string) => gzipped.get(file) ?? gzipped.set(file, zlib.gzipSync(fs.readFileSync(path.join(BUILD, file))).length).get(file)!;

/** Gzip bytes of the scripts a page requests until the network is idle. */
async function weigh(url: string): Promise<number> {
  return (await scriptsRequested(browser, served.url + url)).reduce((sum, script) => sum + gzipSize(script), 0);
}

try {
  const notes = await weigh(`${prefix}/notes/intro`);
  const queue = loadDatasetOrThrow(path.join(ROOT, 'data')).dataset.models.map((model) => model.id);
  const over: [string, number][] = [];
  // Three pages at a time: the 2-core machines serve and render them without queueing.
  await Promise.all(
    [1, 2, 3].map(async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) over.push([id, (await weigh(`${prefix}/models/${id}`)) - notes]);
    }),
  );
  over.sort((a, b) => b[1] - a[1]);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`${over.length} model pages${locale ? ` (${locale})` : ''}, scripts over /notes/intro (${kb(notes)}), gzip:`);
  console.log(`  median ${kb(over[Math.floor(over.length / 2)]![1])}, heaviest: ${over.slice(0, 5).map(([id, bytes]) => `${id} ${kb(bytes)}`).join(', ')}`);
  console.log(`  over 5 KB: ${over.filter(([, bytes]) => bytes > 5 * 1024).length}`);
} finally {
  await browser.close();
  served.close();
}
