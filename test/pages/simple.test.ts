import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Inventory} from '../../plugin/src/link/inventory.js';
import {launchChromium, serveSite} from '../e2e/browser.js';
import {buildSite, readBuildFile, readPage, SITES, visibleText, type BuildResult} from './helpers.js';
import {buildSphinxPage, loadInventoryWithSphinx} from './sphinx.js';

const MODELS = ['bert', 'gpt', 'gpt-2', 'roberta', 'transformer'];
let build: BuildResult;

beforeAll(() => {
  build = buildSite('simple');
  if (build.status !== 0) throw new Error(`The simple site did not build:\n${build.output}`);
});

describe('simple site', () => {
  it('should build one doc page per model, titled with its name', () => {
    for (const id of MODELS) {
      expect(readPage(build, `/models/${id}`)).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    }
    expect(readPage(build, '/models/bert')).toContain('<title data-rh=true>BERT | Simple atlas</title>');
  });

  it('should make model pages real docs: sidebar by domain, table of contents, breadcrumbs, pagination, edit link', () => {
    const html = readPage(build, '/models/bert');
    expect(html).toContain('theme-doc-sidebar-menu');
    expect(html).toMatch(/menu__link[^>]*>(<span[^>]*>)?Natural language processing</);
    expect(html).toMatch(/table-of-contents__link[^>]*>Paper</);
    expect(html).toContain('breadcrumbs');
    expect(html).toContain('pagination-nav');
    expect(html).toContain('href=https://github.com/example/atlas/edit/main/data/models/bert.yaml');
  });

  it('should show facts, summary, paper with BibTeX, lineage, organization neighbours and sources', () => {
    const text = visibleText(readPage(build, '/models/bert'));
    expect(text).toContain('Released');
    expect(text).toContain('October 11, 2018');
    expect(text).toContain('A bidirectional encoder pretrained by filling in blanks.');
    expect(text).toContain('@misc{bert,');
    expect(text).toMatch(/Derived models: variant of BERT: RoBERTa/);
    expect(text).toContain('More from Google');
    expect(text).toContain('Previous: Transformer');
    expect(text).toContain('backs paper, released');
  });

  it('should put schema.org JSON-LD of the model in the head', () => {
    const json = /<script data-rh=true type=application\/ld\+json>(\{"@context":"https:\/\/schema.org","@type":"SoftwareApplication".*?)<\/script>/.exec(readPage(build, '/models/bert'));
    expect(JSON.parse(json![1]!)).toMatchObject({name: 'BERT', datePublished: '2018-10-11', url: 'https://example.com/models/bert'});
  });

  it('should build facet indexes and term pages with counts and sub-terms', () => {
    const architecture = visibleText(readPage(build, '/models/architecture/'));
    expect(architecture).toContain('Transformer — 5 models');
    expect(architecture).toContain('Transformer encoder — 2 models');
    const term = visibleText(readPage(build, '/models/architecture/transformer'));
    expect(term).toContain('Sub-terms');
    expect(term).toContain('5 models');
    expect(visibleText(readPage(build, '/models/organization/openai'))).toContain('2 models');
    expect(visibleText(readPage(build, '/models/year/2019'))).toMatch(/GPT-2.*RoBERTa/);
  });

  it('should export the dataset as JSON, CSV and BibTeX, and a hover card per model', () => {
    const json = JSON.parse(readBuildFile(build, 'models/models.json'));
    expect(json.models.map((m: {id: string}) => m.id)).toEqual(MODELS);
    expect(json.models[0].permalink).toBe('/models/bert');
    expect(readBuildFile(build, 'models/models.csv').split('\r\n')[0]).toMatch(/^id,name,aliases,released/);
    expect(readBuildFile(build, 'models/models.bib').match(/^@misc\{/gm)).toHaveLength(MODELS.length);
    const cards = JSON.parse(readBuildFile(build, 'models/cards/0.json'));
    expect(Object.keys(cards).sort()).toEqual(MODELS);
    expect(cards.bert).toEqual({
      name: 'BERT',
      permalink: '/models/bert',
      date: 'October 11, 2018',
      organizations: ['Google'],
      domain: 'Natural language processing',
      parameters: '110M–340M',
      summary: 'A bidirectional encoder pretrained by filling in blanks.',
    });
  });

  it('should keep the dataset out of page bundles and global data', () => {
    const assets = path.join(build.siteDir, 'build', 'assets', 'js');
    const bundles = fs.readdirSync(assets).map((file) => fs.readFileSync(path.join(assets, file), 'utf8'));
    const titles = ['Attention Is All You Need', 'Improving Language Understanding by Generative Pre-Training', 'RoBERTa: A Robustly'];
    expect(bundles.some((code) => titles.every((title) => code.includes(title)))).toBe(false);
    expect(readPage(build, '/models/explorer')).toContain('models.json');
  });

  it('should render the timeline and the family tree at build time', () => {
    const timeline = readPage(build, '/models/timeline');
    expect(timeline).toMatch(/<svg viewBox="0 0 960 \d+"[^>]*role=group/);
    expect(timeline).toMatch(/<text[^>]*>2017<\/text>/);
    expect(visibleText(timeline)).toMatch(/Natural language processing.*Transformer/);
    const tree = readPage(build, '/models/family-tree');
    expect(tree).toContain('<svg role=group');
    expect(visibleText(tree)).toContain('RoBERTa → BERT (variant of)');
  });

  it('should use zh-Hans taxonomy labels in the zh-Hans locale', () => {
    const html = fs.readFileSync(path.join(build.siteDir, 'build', 'zh-Hans', 'models', 'bert', 'index.html'), 'utf8');
    expect(visibleText(html)).toContain('自然语言处理');
    expect(visibleText(html)).toContain('2018年10月11日');
  });

  it('should let the site link to model pages with onBrokenLinks: throw', () => {
    expect(readPage(build, '/docs/intro')).toContain('href=/models/bert');
  });

  it('should auto-link model names in the generated pages, never a model on its own page', () => {
    const roberta = readPage(build, '/models/roberta');
    expect(roberta).toMatch(/<span><a class="" href=\/models\/bert>BERT<\/a><\/span> trained longer/);
    const article = roberta.slice(roberta.indexOf('theme-doc-markdown'), roberta.indexOf('</article>'));
    expect(article).not.toContain('href=/models/roberta');
  });

  it('should list the pages that mention a model under "Mentioned in"', () => {
    expect(visibleText(readPage(build, '/models/roberta'))).toMatch(/Mentioned in\W+Introduction/);
    expect(readPage(build, '/models/roberta')).toContain('href=/docs/intro');
    expect(visibleText(readPage(build, '/models/gpt'))).not.toContain('Mentioned in');
  });
});

describe('simple site: the atlas as a link target', () => {
  const atlasUrl = 'https://example.com/models/';
  const inventoryFile = () => path.join(build.siteDir, 'build', 'models', 'objects.inv');

  it('should publish objects.inv, a Sphinx inventory v2 that Sphinx reads back, one entry per id, name and alias', () => {
    const bytes = fs.readFileSync(inventoryFile());
    expect(bytes.subarray(0, 200).toString('latin1')).toMatch(/^# Sphinx inventory version 2\n# Project: Simple atlas\n# Version: \w+\n# The remainder of this file is compressed using zlib\.\n/);
    const entries = loadInventoryWithSphinx(inventoryFile(), atlasUrl)['std:model']!;
    const expected: Record<string, string> = {};
    const inventory = JSON.parse(readBuildFile(build, 'models/inventory.json')) as Inventory;
    for (const model of inventory.models) {
      for (const name of [model.id, ...model.formerIds, ...model.names.map((n) => n.text)]) expected[name] ??= `${atlasUrl}${model.id}`;
    }
    expect(Object.fromEntries(Object.entries(entries).map(([name, [, , uri]]) => [name, uri]))).toEqual(expected);
    expect(entries.bert).toEqual(['Simple atlas', inventory.hash, `${atlasUrl}bert`, 'BERT']);
    expect(entries['BERT-Large']![3]).toBe('-');
  });

  it('should resolve a reference of a Sphinx project to the model page through intersphinx', () => {
    const html = buildSphinxPage(inventoryFile(), atlasUrl, 'See :model:`BERT`, :model:`the large one <BERT-Large>`, :model:`gpt-2` and the old id :model:`gpt2`.');
    const links = [...html.matchAll(/<a class="reference external" href="([^"]+)"[^>]*>(.*?)<\/a>/g)].map(([, href, inner]) => `${inner!.replace(/<[^>]+>/g, '')} → ${href}`);
    expect(links).toEqual([
      `BERT → ${atlasUrl}bert`,
      `the large one → ${atlasUrl}bert`,
      `GPT-2 → ${atlasUrl}gpt-2`,
      `GPT-2 → ${atlasUrl}gpt-2`,
    ]);
  });

  it('should publish inventory.json per locale: names with their ambiguity, URL, domain and year', () => {
    const en = JSON.parse(readBuildFile(build, 'models/inventory.json')) as Inventory;
    const zh = JSON.parse(readBuildFile(build, 'zh-Hans/models/inventory.json')) as Inventory;
    expect(en.models.find((m) => m.id === 'bert')).toEqual({
      id: 'bert',
      name: 'BERT',
      names: [
        {text: 'BERT', ambiguous: false, matchCase: true, autolink: true},
        {text: 'BERT-Large', ambiguous: false, matchCase: true, autolink: true},
        {text: 'bert', ambiguous: false, matchCase: false, autolink: true},
      ],
      formerIds: [],
      path: '/models/bert',
      url: 'https://example.com/models/bert',
      domain: 'nlp',
      year: 2018,
    });
    expect(zh.models.find((m) => m.id === 'gpt-2')).toMatchObject({formerIds: ['gpt2'], path: '/models/gpt-2', url: 'https://example.com/zh-Hans/models/gpt-2'});
  });

  it('should keep the URL of a former id as a static redirect page in every locale', () => {
    for (const [prefix, locale] of [['', 'en'], ['zh-Hans/', 'zh-Hans']] as const) {
      const html = readBuildFile(build, `${prefix}models/gpt2/index.html`);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(`<link rel="canonical" href="https://example.com/${prefix}models/gpt-2">`);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/${prefix}models/gpt-2">`);
      expect(html).toContain(`<a href="/${prefix}models/gpt-2">GPT-2</a>`);
    }
  });

  it('should take a reader of the old URL to the renamed model in Chromium, in both locales, with copy buttons on its Cite box and link snippet', async () => {
    const served = await serveSite(build.siteDir);
    const browser = await launchChromium();
    try {
      for (const [prefix, copyLabel] of [['', 'Copy code to clipboard'], ['/zh-Hans', '复制代码到剪贴板']]) {
        const page = await browser.newPage();
        await page.goto(`${served.url}${prefix}/models/gpt2`);
        await page.waitForURL(`${served.url}${prefix}/models/gpt-2`);
        await expect(page.locator('h1').textContent()).resolves.toBe('GPT-2');
        // The paper's BibTeX, the entry's BibTeX and the :model snippet: each a code block with a copy button.
        const copyButtons = page.getByRole('button', {name: copyLabel});
        await copyButtons.first().waitFor({state: 'attached'});
        await expect(copyButtons.count()).resolves.toBe(3);
        await page.close();
      }
    } finally {
      await browser.close();
      served.close();
    }
  });

  it('should resolve :model{#former-id} in prose to the renamed model', () => {
    const article = readPage(build, '/docs/intro');
    expect(article).toMatch(/first filed as (<span[^>]*>)?<a[^>]*href=\/models\/gpt-2>GPT-2<\/a>/);
  });

  it('should give each model page a Cite box, citation_* meta tags and a "How to link this" snippet', () => {
    const html = readPage(build, '/models/bert');
    const text = visibleText(html);
    expect(text).toMatch(/Cite\W+The paper, in BibTeX: @misc\{bert, .*This atlas entry, in BibTeX: @misc\{atlas:bert, title = \{BERT\}, howpublished = \{Simple atlas\}, note = \{Entry bert\}, url = \{https:\/\/example\.com\/models\/bert\}/);
    expect(text).toContain('How to link this');
    expect(text).toContain(':model[BERT]{#bert}');
    expect(text).toMatch(/Linked automatically wherever they appear in prose: BERT , BERT-Large , bert/);
    expect(html).toContain('<meta data-rh=true name=citation_title content="BERT: Pre-training of Deep Bidirectional Transformers"/>');
    expect(html).toContain('name=citation_author content="Jacob Devlin"');
    expect(html).toContain('name=citation_publication_date content=2018/10/11');
    expect(html).toContain('name=citation_arxiv_id content=1810.04805');
    expect(html).toContain('name=citation_pdf_url content=https://arxiv.org/pdf/1810.04805');
    expect(visibleText(readPage(build, '/models/gpt-2'))).toContain('Former ids, still resolved: gpt2');
  });

  it('should translate the Cite box and the ids page in zh-Hans', () => {
    const html = fs.readFileSync(path.join(build.siteDir, 'build', 'zh-Hans', 'models', 'bert', 'index.html'), 'utf8');
    expect(visibleText(html)).toContain('引用');
    expect(visibleText(fs.readFileSync(path.join(build.siteDir, 'build', 'zh-Hans', 'models', 'ids', 'index.html'), 'utf8'))).toContain('可链接的名称');
  });

  it('should list every linkable name, its model and whether it auto-links on /models/ids', () => {
    const text = visibleText(readPage(build, '/models/ids'));
    expect(text).toContain('BERT-Large → BERT — auto-linked');
    expect(text).toContain(':model{#gpt2} — former id of GPT-2');
    expect(text).toContain(':model{#bert} → BERT');
  });

  it('should name the page and the section of each mention, with counts, across docs, blog and pages', () => {
    const html = readPage(build, '/models/bert');
    const mentioned = visibleText(html.slice(html.indexOf('id=mentioned-in')));
    expect(mentioned).toMatch(/Introduction — 4×: Encoders \(2×\), Decoder models \(1×\)/);
    expect(mentioned).toMatch(/Reading notes — 2×: Why it mattered \(1×\)/);
    expect(mentioned).toMatch(/Home — 1×/);
    expect(html).toContain('href=/docs/intro#encoders');
    expect(html).toContain('href=/docs/intro#decoder-models');
    expect(html).toContain('href=/blog/2024/01/02/reading#why-it-mattered');
  });
});

describe('a site without the dataset, linking through the inventory', () => {
  let other: BuildResult;
  beforeAll(() => {
    other = buildSite('inventory-only');
  });

  it('should build, and link the same Markdown to the same models as the site with the dataset', () => {
    expect(other.status, other.output).toBe(0);
    const links = (html: string) => {
      const article = html.slice(html.indexOf('theme-doc-markdown'), html.indexOf('</article>'));
      return [...article.matchAll(/<a [^>]*href=([^ >]+)[^>]*>(.*?)<\/a>/g)].map(([, href, label]) => `${label} → ${href!.replace(/^"|"$/g, '')}`);
    };
    const withData = links(readPage(build, '/docs/intro'));
    const withInventory = links(readPage(other, '/docs/intro')).map((link) => link.replace('https://example.com/models/', '/models/'));
    expect(withData.filter((link) => link.includes('/models/')).length).toBeGreaterThan(3);
    expect(withInventory).toEqual(withData);
    expect(readPage(other, '/docs/intro')).toContain('href=https://example.com/models/gpt-2');
  });
});
