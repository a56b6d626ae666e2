import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildSite, readBuildFile, readPage, visibleText, type BuildResult} from './helpers.js';

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
    expect(text).toMatch(/Derived models: .*RoBERTa variant of/);
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
