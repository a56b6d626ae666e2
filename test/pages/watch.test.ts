/** Drives the plugin lifecycle as `docusaurus start` does: constructor, then loadContent after each data change. */
import fs from 'node:fs';
import path from 'node:path';
import {loadContext} from '@docusaurus/core/lib/server/site.js';
import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import pluginModelAtlas, {validateOptions} from '../../plugin/src/index.js';
import {SITES} from './helpers.js';

/** A delay for the next family-tree layout: a reload that stays longer in its layout than the next reload. */
const slowLayout = vi.hoisted(() => ({next: 0}));
vi.mock('../../plugin/src/generate/pictures/layoutWorker.js', async (original) => {
  const module = await original<typeof import('../../plugin/src/generate/pictures/layoutWorker.js')>();
  return {
    ...module,
    async layoutGraphAside(...args: Parameters<typeof module.layoutGraphAside>) {
      const delay = slowLayout.next;
      slowLayout.next = 0;
      await new Promise((resolve) => setTimeout(resolve, delay));
      return module.layoutGraphAside(...args);
    },
  };
});

let siteDir: string;
let plugin: Awaited<ReturnType<typeof pluginModelAtlas>>;
let docsDir: string;

const mtimes = () => new Map(fs.readdirSync(docsDir, {recursive: true}).map((file) => [String(file), fs.statSync(path.join(docsDir, String(file))).mtimeMs]));

beforeAll(async () => {
  // Beside the other fixture sites: their shared configuration is imported from there.
  siteDir = fs.mkdtempSync(path.join(SITES, '.tmp-watch-'));
  fs.cpSync(path.join(SITES, 'simple'), siteDir, {recursive: true, filter: (src) => !/[/\\](build|\.docusaurus|node_modules)$/.test(src)});
  const context = await loadContext({siteDir});
  const options = validateOptions({validate: normalizePluginOptions as never, options: {}});
  plugin = await pluginModelAtlas(context, options);
  await plugin.loadContent!();
  docsDir = path.join(context.generatedFilesDir, 'docusaurus-plugin-model-atlas', 'model-atlas', 'en', 'docs');
});

afterAll(() => {
  fs.rmSync(siteDir, {recursive: true, force: true});
});

describe('watch mode', () => {
  it('should generate every page in the constructor, before any loadContent', () => {
    expect(fs.existsSync(path.join(docsDir, 'bert.mdx'))).toBe(true);
    expect(fs.existsSync(path.join(docsDir, 'domain', 'nlp.mdx'))).toBe(true);
  });

  it('should rewrite only the files an edit changes', async () => {
    const before = mtimes();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const file = path.join(siteDir, 'data', 'models', 'gpt-2.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('A larger GPT', 'A much larger GPT'));
    const content = await plugin.loadContent!();
    const after = mtimes();
    const changed = [...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file);
    expect(changed.sort()).toEqual(['_props/gpt-2.json', 'gpt-2.mdx']);
    expect(fs.readFileSync(path.join(docsDir, 'gpt-2.mdx'), 'utf8')).toContain('A much larger GPT');
    expect(content.loadedVersions[0]!.docs.find((doc) => doc.id === 'gpt-2')?.description).toBe(
      'A much larger GPT, trained on WebText, that could do tasks without fine-tuning.',
    );
  });

  it('should add a page for a new model file', async () => {
    const source = fs.readFileSync(path.join(siteDir, 'data', 'models', 'gpt.yaml'), 'utf8');
    fs.writeFileSync(path.join(siteDir, 'data', 'models', 'gpt-1b.yaml'), source.replace('id: gpt', 'id: gpt-1b').replace('name: GPT', 'name: GPT One').replace("arxiv: null, url: 'https://openai.com/research/language-unsupervised'", "arxiv: null, url: 'https://example.com/gpt-1b'"));
    const content = await plugin.loadContent!();
    expect(fs.existsSync(path.join(docsDir, 'gpt-1b.mdx'))).toBe(true);
    expect(content.loadedVersions[0]!.docs.map((doc) => doc.id)).toContain('gpt-1b');
  });

  it('should delete the page of a deleted model, leaving no stale file', async () => {
    fs.rmSync(path.join(siteDir, 'data', 'models', 'gpt-1b.yaml'));
    const content = await plugin.loadContent!();
    expect(fs.existsSync(path.join(docsDir, 'gpt-1b.mdx'))).toBe(false);
    expect(fs.existsSync(path.join(docsDir, '_props', 'gpt-1b.json'))).toBe(false);
    expect(content.loadedVersions[0]!.docs.map((doc) => doc.id)).not.toContain('gpt-1b');
  });

  it('should read a file saved in two writes whole, though the watcher reports only the first', async () => {
    // chokidar reports the emptied file and drops the write that follows within 50 ms: the reload must wait for it.
    const file = path.join(siteDir, 'data', 'models', 'gpt-2.yaml');
    const saved = fs.readFileSync(file, 'utf8').replace('A much larger GPT', 'A larger GPT');
    fs.writeFileSync(file, '');
    const loading = plugin.loadContent!();
    await new Promise((resolve) => setTimeout(resolve, 30));
    fs.writeFileSync(file, saved);
    const content = await loading;
    expect(content.loadedVersions[0]!.docs.find((doc) => doc.id === 'gpt-2')?.description).toMatch(/^A larger GPT/);
  });

  it('should end with the data of the later of two overlapping reloads', async () => {
    const file = path.join(siteDir, 'data', 'models', 'gpt-2.yaml');
    const saved = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, saved.replace('A larger GPT', 'An earlier GPT'));
    slowLayout.next = 400;
    const first = plugin.loadContent!();
    await new Promise((resolve) => setTimeout(resolve, 150));
    fs.writeFileSync(file, saved.replace('A larger GPT', 'A later GPT'));
    const second = plugin.loadContent!();
    await Promise.all([first, second]);
    expect(fs.readFileSync(path.join(docsDir, 'gpt-2.mdx'), 'utf8')).toContain('A later GPT');
    fs.writeFileSync(file, saved);
    await plugin.loadContent!();
  });

  it('should rewrite only the pages whose "Mentioned in" changes when prose changes', async () => {
    const page = path.join(siteDir, 'src', 'pages', 'reading.md');
    fs.mkdirSync(path.dirname(page), {recursive: true});
    const allContent = {'docusaurus-plugin-content-pages': {default: [{type: 'mdx', source: '@site/src/pages/reading.md', permalink: '/reading'}]}};
    const scan = (prose: string) => {
      fs.writeFileSync(page, `# Reading list\n\n${prose}\n`);
      return plugin.allContentLoaded!({allContent, actions: {} as never});
    };
    await scan('Nothing yet.');
    const before = mtimes();
    await new Promise((resolve) => setTimeout(resolve, 20));

    await scan('Start with GPT-2.');
    const changed = [...mtimes()].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file);
    expect(changed).toEqual(['gpt-2.mdx']);
    expect(fs.readFileSync(path.join(docsDir, 'gpt-2.mdx'), 'utf8')).toMatch(/## Mentioned in\n\n- \[Reading list\]\(\/reading\)/);

    await scan('Nothing any more.');
    expect(fs.readFileSync(path.join(docsDir, 'gpt-2.mdx'), 'utf8')).not.toContain('Mentioned in');
  });

  it('should report invalid data with diagnostics and keep the last good pages', async () => {
    const file = path.join(siteDir, 'data', 'models', 'bert.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('domain: nlp', 'domain: nlq'));
    await expect(plugin.loadContent!()).rejects.toThrow(/bert\.yaml:4:9: error \[unknown-taxonomy-term\]/);
    expect(fs.existsSync(path.join(docsDir, 'bert.mdx'))).toBe(true);
  });

  it('should watch the data files', () => {
    expect(plugin.getPathsToWatch!()).toEqual([path.join(siteDir, 'data', '**/*.{yaml,yml}')]);
  });

  it('should give the bundler, client and server, the data rule for the generated pages and the route data', () => {
    for (const isServer of [false, true]) {
      const config = plugin.configureWebpack!({} as never, isServer, {} as never, undefined as never) as {module: {rules: {test?: unknown; parser?: unknown}[]}};
      const rule = config.module.rules.find((candidate) => (candidate.parser as {exportsDepth?: number} | undefined)?.exportsDepth === 1);
      expect((rule!.test as RegExp).test(path.join(docsDir, '_props', 'bert.json'))).toBe(true);
      expect((rule!.test as RegExp).test(path.join(siteDir, '.docusaurus', 'docusaurus-plugin-content-docs', 'model-atlas', 'model-bert-1a2.json'))).toBe(true);
    }
  });
});
