/**
 * Writing the generated folder while the generator goes on: in this thread (from the sources) and in a
 * worker thread (the built plugin), with the same results.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildAtlasFiles, buildAtlasFilesWhileLayingOut} from '../../plugin/src/generate/index.js';
import {layoutGraph} from '../../plugin/src/generate/pictures/graph.js';
import * as fromSources from '../../plugin/src/generate/sync.js';
import {testContext} from './helpers.js';

const builtModule = '../../plugin/lib/generate/sync.js';
const writers: [string, () => Promise<typeof fromSources>][] = [
  ['in this thread (from the sources)', async () => fromSources],
  ['in a worker thread (the built plugin)', () => import(builtModule)],
];

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-sync-'));
  dirs.push(dir);
  return dir;
};
const read = (dir: string) => Object.fromEntries(fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => {
  const full = path.join(entry.parentPath, entry.name);
  return [path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')];
}));

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

describe.each(writers)('syncFolderWhile, %s', (_, load) => {
  const give = (files: Record<string, string>) => async (sink: fromSources.FileSink) => {
    for (const [file, content] of Object.entries(files)) sink.set(file, content);
  };

  it('should write what it is given, then only what changed, and delete the rest with the folders left empty', async () => {
    const {syncFolderWhile} = await load();
    const out = path.join(tempDir(), 'out');
    const first = await syncFolderWhile(out, give({'a.md': 'A', 'deep/b.md': 'B', 'gone/c.md': 'C'}));
    expect(first).toEqual({written: ['a.md', 'deep/b.md', 'gone/c.md'], deleted: []});
    const stamp = fs.statSync(path.join(out, 'a.md')).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await syncFolderWhile(out, give({'a.md': 'A', 'deep/b.md': 'B, changed', 'new/d.md': 'D'}));
    expect(second).toEqual({written: ['deep/b.md', 'new/d.md'], deleted: ['gone/c.md']});
    expect(read(out)).toEqual({'a.md': 'A', 'deep/b.md': 'B, changed', 'new/d.md': 'D'});
    expect(fs.existsSync(path.join(out, 'gone'))).toBe(false);
    expect(fs.statSync(path.join(out, 'a.md')).mtimeMs).toBe(stamp);
  });

  it('should refuse a path outside the folder or given twice, and delete nothing when the build fails', async () => {
    const {syncFolderWhile} = await load();
    const dir = tempDir();
    const out = path.join(dir, 'out');
    await syncFolderWhile(out, give({'keep.md': 'K'}));
    await expect(syncFolderWhile(out, give({'../escape.md': 'X'}))).rejects.toThrow(`Model Atlas: refusing to write "../escape.md", which is outside ${out}.`);
    await expect(
      syncFolderWhile(out, async (sink) => {
        sink.set('a.md', 'A');
        sink.set('a.md', 'A again');
      }),
    ).rejects.toThrow('Model Atlas: "a.md" was generated twice.');
    expect(fs.readdirSync(dir)).toEqual(['out']);
    expect(read(out)).toMatchObject({'keep.md': 'K'});
  });

  it('should report a file it cannot write plainly, with the reason the system gives', async () => {
    const {syncFolderWhile} = await load();
    const out = path.join(tempDir(), 'out');
    // A file where a folder must be.
    await expect(syncFolderWhile(out, give({blocked: 'a file', 'blocked/page.md': 'P'}))).rejects.toThrow(
      /^Model Atlas: could not write the generated files: (EEXIST|ENOTDIR|EISDIR): .*blocked/,
    );
  });

  it('should write the files it is told to at once, before the build returns, and the rest by the end', async () => {
    const {syncFolderWhile} = await load();
    const out = path.join(tempDir(), 'out');
    const synced = syncFolderWhile(out, give({'a.md': 'A', 'sidebars.json': '{}', 'deep/b.md': 'B'}), new Set(['sidebars.json']));
    expect(read(out)).toMatchObject({'sidebars.json': '{}'});
    expect(await synced).toEqual({written: ['a.md', 'sidebars.json', 'deep/b.md'], deleted: []});
    expect(read(out)).toEqual({'a.md': 'A', 'sidebars.json': '{}', 'deep/b.md': 'B'});
  });

  it('should hold exactly what buildAtlasFiles gives, the family tree laid out aside', async () => {
    const {syncFolderWhile} = await load();
    const {dataset} = loadDatasetOrThrow(fileURLToPath(new URL('../../data', import.meta.url)));
    const context = testContext();
    const out = path.join(tempDir(), 'out');
    const {written, deleted} = await syncFolderWhile(out, (files) => buildAtlasFilesWhileLayingOut(dataset, context, async (nodes, edges) => layoutGraph(nodes, edges), files));
    const expected = buildAtlasFiles(dataset, context);
    expect(deleted).toEqual([]);
    expect(written).toEqual([...expected.keys()]);
    const different = [...expected].filter(([file, content]) => !fs.readFileSync(path.join(out, file)).equals(Buffer.from(content)));
    expect(different.map(([file]) => file)).toEqual([]);
  });
});
