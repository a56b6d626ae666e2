/** Page mode and the bundler configuration without a site: what the route data holds, the threshold, the chunk rule. */
import {createSlugger} from '@docusaurus/utils';
import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {describe, expect, it} from 'vitest';
import {modelPageChunk, pageDataRule} from '../../plugin/src/bundler.js';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildAtlasFiles, buildModelRoutes, loadMessages, type GenerateContext} from '../../plugin/src/generate/index.js';
import {normalizeOptions} from '../../plugin/src/link/options.js';
import {MODEL_PAGES_ROUTES_FROM, modelPagesAreRoutes, validateOptions, type Options} from '../../plugin/src/options.js';
import {SITES} from './helpers.js';

const {dataset} = loadDatasetOrThrow(`${SITES}hostile/data`);
const context: GenerateContext = {
  routeBasePath: 'models',
  locale: 'en',
  messages: loadMessages('/nonexistent'),
  editUrl: 'https://github.com/o/r/edit/main/data',
  modelRoutes: true,
  sidebarModels: false,
  siteUrl: 'https://example.com/',
  mentions: new Map([['bert', [{title: '<b>Reading</b> {list}', permalink: '/reading'}]]]),
};
const routes = new Map(buildModelRoutes(dataset, context, normalizeOptions({data: dataset, routeBasePath: '/models'}), createSlugger));

/** Every node type in a tree. */
const nodeTypes = (node: unknown): string[] =>
  node && typeof node === 'object'
    ? [...('type' in node && typeof node.type === 'string' ? [node.type] : []), ...Object.values(node).flatMap(nodeTypes)]
    : [];

describe('page mode data', () => {
  it('should build one route per model and no model docs', () => {
    expect([...routes.keys()].sort()).toEqual(dataset.models.map((model) => model.id).sort());
    const files = buildAtlasFiles(dataset, context);
    expect(files.has('docs/bert.mdx')).toBe(false);
    expect(files.has('docs/architecture/transformer.mdx')).toBe(true);
    expect(buildAtlasFiles(dataset, {...context, modelRoutes: false}).has('docs/bert.mdx')).toBe(true);
  });

  it('should keep hostile strings as text: no raw HTML or MDX nodes, table of contents escaped', () => {
    const {props} = routes.get('hostile')!;
    const types = new Set(nodeTypes([props.beforeLineage, props.afterLineage]));
    expect([...types].sort()).toEqual(expect.arrayContaining(['element', 'root', 'text']));
    expect([...types].filter((type) => !['element', 'root', 'text'].includes(type))).toEqual([]);
    const texts = JSON.stringify(props.beforeLineage);
    expect(texts).toContain('"value":"<script>"');
    expect(texts).not.toContain('javascript:');
    expect(props.title).toBe('{process.exit()} <script>alert(1)</script>');
    for (const entry of props.toc) expect(entry.value).not.toMatch(/[<>]/);
    const bert = routes.get('bert')!.props;
    expect(bert.toc.at(-1)).toEqual({value: 'Mentioned in', id: 'mentioned-in', level: 2});
    expect(JSON.stringify(bert.afterLineage)).toContain('"value":"<b>Reading</b> {list}"');
    expect(bert.editUrl).toBe('https://github.com/o/r/edit/main/data/models/bert.yaml');
  });

  it("should link other models in the summary, never the page's own model", () => {
    const roberta = routes.get('roberta')!.props;
    const links = (tree: unknown): string[] =>
      tree && typeof tree === 'object'
        ? [...('tagName' in tree && tree.tagName === 'a' && 'properties' in tree ? [String((tree.properties as {href: string}).href)] : []), ...Object.values(tree).flatMap(links)]
        : [];
    expect(links(roberta.beforeLineage)).not.toContain('/models/roberta');
  });
});

describe('the dataset in loader options', () => {
  it('should serialise as its directory and hash, not its content', () => {
    const options = JSON.stringify({data: dataset, routeBasePath: '/models'});
    expect(JSON.parse(options).data).toEqual({dir: dataset.dir, hash: dataset.hash});
    expect(options.length).toBeLessThan(300);
  });
});

describe('modelPages option', () => {
  const validate = (options: Options) => validateOptions({validate: normalizePluginOptions as never, options});

  it('should default to docs and accept routes and auto', () => {
    expect(validate({}).modelPages).toBe('docs');
    expect(validate({modelPages: 'routes'}).modelPages).toBe('routes');
    expect(validate({modelPages: 'auto'}).modelPages).toBe('auto');
    expect(() => validate({modelPages: 'pages' as never})).toThrow('"modelPages" must be one of [docs, routes, auto]');
  });

  it('should switch auto to routes at the measured threshold', () => {
    expect(modelPagesAreRoutes('auto', MODEL_PAGES_ROUTES_FROM - 1)).toBe(false);
    expect(modelPagesAreRoutes('auto', MODEL_PAGES_ROUTES_FROM)).toBe(true);
    expect(modelPagesAreRoutes('docs', 100_000)).toBe(false);
    expect(modelPagesAreRoutes('routes', 1)).toBe(true);
  });
});

describe('modelPageChunk', () => {
  const test = (themePath: string) => modelPageChunk(themePath).optimization.splitChunks.cacheGroups.modelAtlasPage.test;

  it('should put the model page components of the theme in one chunk, and nothing else', () => {
    const rule = test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme');
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelFacts/index.js')).toBe(true);
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelLineage/styles.module.css')).toBe(true);
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelPage/HastContent.js')).toBe(true);
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelGraph/index.js')).toBe(true);
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelGraph/domainColour.js')).toBe(true);
    // The pictures' domain legend is not on model pages.
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelGraph/DomainLegend.js')).toBe(false);
    expect(rule.test('/site/node_modules/docusaurus-plugin-model-atlas/lib/theme/ModelExplorer/index.js')).toBe(false);
    expect(rule.test('/site/src/theme/ModelFacts/index.js')).toBe(false);
    expect(test('C:\\site\\lib\\theme').test('C:\\site\\lib\\theme\\ModelFacts\\index.js')).toBe(true);
  });
});

describe('pageDataRule', () => {
  it('should read the JSON under the given folders with only their top-level keys tracked, and leave other JSON alone', () => {
    const rule = pageDataRule(['/site/.docusaurus/docusaurus-plugin-model-atlas/model-atlas/en', '/site/.docusaurus/docusaurus-plugin-content-docs/model-atlas']);
    expect(rule).toMatchObject({type: 'json', parser: {exportsDepth: 1}});
    expect(rule.test.test('/site/.docusaurus/docusaurus-plugin-model-atlas/model-atlas/en/docs/_props/bert.json')).toBe(true);
    expect(rule.test.test('/site/.docusaurus/docusaurus-plugin-content-docs/model-atlas/model-bert-1a2.json')).toBe(true);
    expect(rule.test.test('/site/.docusaurus/docusaurus-plugin-content-docs/default/site-docs-intro-md-0e3.json')).toBe(false);
    expect(rule.test.test('/site/.docusaurus/docusaurus-plugin-model-atlas/model-atlas/en/docs/bert.mdx')).toBe(false);
    expect(rule.test.test('/site/src/data.json')).toBe(false);
    expect(pageDataRule(['C:\\site\\.docusaurus\\x']).test.test('C:\\site\\.docusaurus\\x\\docs\\_props\\bert.json')).toBe(true);
  });
});
