/**
 * `docusaurus start` for real: a copy of the simple fixture site served by the dev server, read in
 * Chromium while its data files are edited, added, deleted and broken, without a restart; with model
 * pages as docs and as routes of the plugin (page mode).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type {BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SITES} from '../pages/helpers.js';
import {freePort, launchChromium} from './browser.js';

const DOCUSAURUS = path.resolve(import.meta.dirname, '../../node_modules/@docusaurus/core/bin/docusaurus.mjs');
const RELOAD_TIMEOUT = 90_000;

describe.each(['docs', 'routes'] as const)('docusaurus start, model pages as %s', (modelPages) => {
  let siteDir: string;
  let server: ChildProcess;
  let output = '';
  let url: string;
  let browser: BrowserContext;
  let page: Page;

  const modelFile = (id: string) => path.join(siteDir, 'data', 'models', `${id}.yaml`);

  /** Reloads `path` until its article satisfies `check` (the dev server rebuilds in the background). */
  async function waitForArticle(urlPath: string, check: (text: string) => boolean): Promise<string> {
    const deadline = Date.now() + RELOAD_TIMEOUT;
    let text = '';
    while (Date.now() < deadline) {
      await page.goto(url + urlPath, {waitUntil: 'load'});
      text = (await page.locator('main').textContent({timeout: 10_000}).catch(() => '')) ?? '';
      if (check(text)) return text;
      await page.waitForTimeout(1000);
    }
    throw new Error(`${urlPath} never showed the expected content; last seen:\n${text}\nServer output:\n${output.slice(-3000)}`);
  }

  async function waitForOutput(pattern: RegExp): Promise<void> {
    const deadline = Date.now() + RELOAD_TIMEOUT;
    while (!pattern.test(output)) {
      if (Date.now() > deadline) throw new Error(`The dev server never printed ${pattern}:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    // Beside the other fixture sites: it resolves Docusaurus from the repository and imports their shared configuration.
    siteDir = fs.mkdtempSync(path.join(SITES, '.tmp-start-'));
    fs.cpSync(path.join(SITES, 'simple'), siteDir, {recursive: true, filter: (src) => !/[/\\](build|\.docusaurus|node_modules)$/.test(src)});
    if (modelPages === 'routes') {
      fs.writeFileSync(
        path.join(siteDir, 'docusaurus.config.js'),
        "import {siteConfig} from '../siteConfig.js';\nconst config = siteConfig('Simple atlas');\nconfig.plugins[0][1].modelPages = 'routes';\nexport default config;\n",
      );
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [DOCUSAURUS, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {
      cwd: siteDir,
      env: {...process.env, BROWSER: 'none', NO_COLOR: '1'},
    });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    await waitForOutput(/compiled successfully|Compiled successfully/i);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    fs.rmSync(siteDir, {recursive: true, force: true});
  });

    it('should serve the generated model pages', async () => {
      await waitForArticle('/models/gpt-2', (text) => text.includes('A larger GPT'));
    });

    it('should show an edited model without a restart', async () => {
      fs.writeFileSync(modelFile('gpt-2'), fs.readFileSync(modelFile('gpt-2'), 'utf8').replace('A larger GPT', 'A much larger GPT'));
      await waitForArticle('/models/gpt-2', (text) => text.includes('A much larger GPT'));
    }, RELOAD_TIMEOUT + 10_000);

    it('should serve a page for an added model file', async () => {
      const source = fs.readFileSync(modelFile('gpt'), 'utf8');
      fs.writeFileSync(
        modelFile('gpt-1b'),
        source
          .replace('id: gpt', 'id: gpt-1b')
          .replace('name: GPT', 'name: GPT One')
          .replace("arxiv: null, url: 'https://openai.com/research/language-unsupervised'", "arxiv: null, url: 'https://example.com/gpt-1b'"),
      );
      await waitForArticle('/models/gpt-1b', (text) => text.includes('GPT One'));
    }, RELOAD_TIMEOUT + 10_000);

    it('should drop the page of a deleted model file', async () => {
      fs.rmSync(modelFile('gpt-1b'));
      await waitForArticle('/models/gpt-1b', (text) => /Page Not Found/i.test(text));
      expect(fs.readdirSync(path.join(siteDir, '.docusaurus', 'docusaurus-plugin-model-atlas', 'model-atlas', 'en', 'docs'))).not.toContain('gpt-1b.mdx');
    }, RELOAD_TIMEOUT + 10_000);

    it('should print the diagnostics of broken data, keep serving, and recover when it is fixed', async () => {
      const valid = fs.readFileSync(modelFile('bert'), 'utf8');
      const before = output.length;
      fs.writeFileSync(modelFile('bert'), valid.replace('domain: nlp', 'domain: nlq'));
      await waitForOutput(/bert\.yaml:4:9: error \[unknown-taxonomy-term\]/);
      expect(output.slice(before)).not.toMatch(/^\s+at .*\(.*plugin\/(lib|src)\//m);
      await waitForArticle('/models/bert', (text) => text.includes('BERT'));
      fs.writeFileSync(modelFile('bert'), valid.replace('pretrained by filling in blanks', 'pretrained by filling in masked blanks'));
      await waitForArticle('/models/bert', (text) => text.includes('filling in masked blanks'));
    }, 2 * RELOAD_TIMEOUT + 10_000);
});
