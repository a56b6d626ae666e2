/**
 * Page mode (`modelPages: 'routes'`) renders what docs mode renders: the simple fixture site built both
 * ways (the `routes` site serves the simple site's data, docs and pages), compared page by page.
 */
import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildSite, readPage, visibleText, type BuildResult} from './helpers.js';

const MODELS = ['bert', 'gpt', 'gpt-2', 'roberta', 'transformer'];
const LOCALES = [
  ['en', ''],
  ['zh-Hans', '/zh-Hans'],
] as const;
let docs: BuildResult;
let routes: BuildResult;

beforeAll(() => {
  docs = buildSite('simple');
  if (docs.status !== 0) throw new Error(`The simple site did not build:\n${docs.output}`);
  routes = buildSite('routes');
  if (routes.status !== 0) throw new Error(`The routes site did not build:\n${routes.output}`);
});

/**
 * The body of a model page from its facts box to the end of its Markdown: facts, summary, paper, lineage,
 * related models, organization neighbours, sources, "Mentioned in". HTML end tags that the minifier may
 * omit (`</p>`, `</li>`), React's text separators and white space next to tags (MDX keeps line breaks
 * between blocks) are dropped on both sides.
 */
function modelBody(html: string): string {
  const start = html.indexOf('<', html.indexOf('theme-doc-markdown markdown'));
  const body = html.slice(start, html.indexOf('</article>'));
  const end = body.lastIndexOf('<footer');
  // `<!-- -->` is React's mark between adjacent text nodes: the MDX compiler and the HTML trees of page mode
  // split the same text differently.
  return (end === -1 ? body : body.slice(0, end)).replace(/<\/(p|li)>|<!-- -->/g, '').replace(/\s+</g, '<').replace(/>\s+/g, '>');
}

const structuredData = (html: string) => /<script data-rh=true type=application\/ld\+json>(\{"@context":"https:\/\/schema.org","@type":"SoftwareApplication".*?)<\/script>/.exec(html)?.[1];

describe('page mode against docs mode', () => {
  it('should render the same facts, summary, lineage, related models, sources and "Mentioned in" on every model page, in every locale', () => {
    for (const [locale, prefix] of LOCALES) {
      for (const id of MODELS) {
        const expected = modelBody(readPage(docs, `${prefix}/models/${id}`));
        expect(expected, `${locale} ${id}`).toContain('<h2');
        expect(modelBody(readPage(routes, `${prefix}/models/${id}`)), `${locale} ${id}`).toBe(expected);
      }
    }
    // What the comparison covers, on one page: auto-linked summary, lineage both ways, a mention.
    const text = visibleText(modelBody(readPage(routes, '/models/bert')));
    expect(text).toContain('October 11, 2018');
    expect(text).toMatch(/Derived models: variant of BERT: RoBERTa/);
    expect(text).toMatch(/Mentioned in .*Introduction/);
    expect(visibleText(modelBody(readPage(routes, '/zh-Hans/models/bert')))).not.toBe(text);
  });

  it('should give each model page the same title, description, JSON-LD and edit link', () => {
    for (const id of MODELS) {
      const [before, after] = [readPage(docs, `/models/${id}`), readPage(routes, `/models/${id}`)];
      for (const pattern of [/<title[^>]*>[^<]*<\/title>/, /<meta[^>]*name=description[^>]*>/, /<meta[^>]*name=keywords[^>]*>/]) {
        expect(after.match(pattern)?.[0], `${id} ${pattern}`).toBe(before.match(pattern)?.[0]);
      }
      expect(structuredData(after)).toBe(structuredData(before));
      expect(after).toContain(`href=https://github.com/example/atlas/edit/main/data/models/${id}.yaml`);
    }
  });

  it('should serve model pages as routes of the plugin, not docs, and keep taxonomy pages as docs', () => {
    // .docusaurus holds the last locale built.
    const generated = path.join(routes.siteDir, '.docusaurus', 'docusaurus-plugin-model-atlas', 'model-atlas', 'zh-Hans', 'docs');
    expect(fs.existsSync(path.join(generated, 'bert.mdx'))).toBe(false);
    expect(fs.existsSync(path.join(generated, 'architecture', 'transformer.mdx'))).toBe(true);
    const routesFile = fs.readFileSync(path.join(routes.siteDir, '.docusaurus', 'routes.js'), 'utf8');
    expect(routesFile).toMatch(/path: '\/zh-Hans\/models\/bert',\s*component: ComponentCreator\('\/zh-Hans\/models\/bert', '[0-9a-f]+'\),\s*exact: true/);
    // The model page's route is not under the docs root: it loads no docs version data.
    const chunkNames = JSON.parse(fs.readFileSync(path.join(routes.siteDir, '.docusaurus', 'routesChunkNames.json'), 'utf8'));
    const bert = Object.entries(chunkNames).find(([key]) => key.startsWith('/zh-Hans/models/bert-'))![1] as Record<string, unknown>;
    expect(Object.keys(bert).sort()).toEqual(['__comp', '__context', 'page']);
    expect(visibleText(readPage(routes, '/models/architecture/transformer'))).toContain('5 models');
  });

  it('should put the model page components in one shared chunk in both modes', () => {
    for (const build of [docs, routes]) {
      expect(fs.readdirSync(path.join(build.siteDir, 'build', 'assets', 'js')).filter((file) => file.startsWith('model-atlas-page.'))).toHaveLength(1);
    }
  });
});
