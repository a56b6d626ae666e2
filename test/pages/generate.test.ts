/** The generator on the real dataset, without a site: card files and partial rewrites. */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Root} from 'mdast';
import {toMarkdown} from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visitParents} from 'unist-util-visit-parents';
import {VFile} from 'vfile';
import {describe, expect, it, vi} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildAtlasFiles, buildModelPageFiles} from '../../plugin/src/generate/index.js';
import {contentPages} from '../../plugin/src/generate/contentPages.js';
import {linkModels} from '../../plugin/src/link/autolink.js';
import {normalizeOptions as normalizeLinkOptions} from '../../plugin/src/link/options.js';
import {relatedModels} from '../../plugin/src/generate/modelPage.js';
import {cardShard, cardShardCount, CARDS_PER_FILE} from '../../plugin/src/theme/ModelLinkCard/cardShard.js';
import {testContext} from './helpers.js';

// Spied on: the pages the generator builds itself are written directly, not by the library (see serialize.ts).
vi.mock('mdast-util-to-markdown', async (original) => {
  const library = await original<typeof import('mdast-util-to-markdown')>();
  return {...library, toMarkdown: vi.fn(library.toMarkdown)};
});

const {dataset} = loadDatasetOrThrow(fileURLToPath(new URL('../../data', import.meta.url)));
const context = testContext({mentions: new Map([['bert', [{title: 'Reading list', permalink: '/reading'}]]])});
const files = buildAtlasFiles(dataset, context);

describe('generated files', () => {
  it('should store hover cards about 50 to a file, each model in the file its id hashes to', () => {
    const shards = cardShardCount(dataset.models.length);
    expect(shards).toBe(Math.ceil(dataset.models.length / CARDS_PER_FILE));
    const cardFiles = [...files.keys()].filter((file) => file.startsWith('static/models/cards/'));
    expect(cardFiles.sort()).toEqual(Array.from({length: shards}, (_, i) => `static/models/cards/${i}.json`).sort());
    const seen = new Set<string>();
    cardFiles.forEach((file) => {
      const cards = JSON.parse(String(files.get(file))) as Record<string, {name: string}>;
      const shard = Number(path.basename(file, '.json'));
      expect(Object.keys(cards).length).toBeLessThan(CARDS_PER_FILE * 2);
      for (const [id, card] of Object.entries(cards)) {
        expect(cardShard(id, shards)).toBe(shard);
        expect(card.name).toBe(dataset.model(id)!.name);
        seen.add(id);
      }
    });
    expect([...seen].sort()).toEqual(dataset.models.map((model) => model.id));
  });

  it('should relate to each model its siblings, then the models sharing an objective by nearest year, then id', () => {
    for (const model of dataset.models) {
      const related = relatedModels(dataset, model);
      const direct = new Set([model.id, ...dataset.parents(model.id).map((edge) => edge.to), ...dataset.children(model.id).map((edge) => edge.from)]);
      const siblings = related.filter((other) => dataset.parents(other.id).some((edge) => dataset.parents(model.id).some((own) => own.to === edge.to)));
      expect(related.slice(0, siblings.length)).toEqual(siblings);
      const distance = (other: (typeof dataset.models)[number]) => Math.abs(other.released.year - model.released.year);
      const sharing = dataset.models
        .filter((other) => !direct.has(other.id) && !siblings.includes(other) && other.objectives.some((objective) => model.objectives.includes(objective)))
        .sort((a, b) => distance(a) - distance(b) || (a.id < b.id ? -1 : 1));
      expect(related.slice(siblings.length)).toEqual(sharing.slice(0, 8 - siblings.length));
    }
  });

  it('should rebuild a model page alone exactly as the whole atlas builds it', () => {
    const partial = buildModelPageFiles(dataset, context, ['bert', 'roberta']);
    expect([...partial.keys()].sort()).toEqual(['docs/_props/bert.json', 'docs/_props/roberta.json', 'docs/bert.mdx', 'docs/roberta.mdx']);
    for (const [file, content] of partial) expect(content).toBe(files.get(file));
    expect(partial.get('docs/bert.mdx')).toContain('[Reading list](/reading)');
  });

  it('should say that a term has no models yet and list none; write the pages directly, not by the library', () => {
    const unused = dataset.organizations.find((organization) => dataset.modelsOfOrganization(organization.id).length === 0)!;
    vi.mocked(toMarkdown).mockClear();
    const page = String(buildAtlasFiles(dataset, context).get(`docs/organization/${unused.id}.mdx`));
    expect(page.trimEnd()).toMatch(/\n## Models\n\n0 models$/);
    // Only summaries with more than the direct writer knows (a reference, a table…) go to the library.
    expect(vi.mocked(toMarkdown).mock.calls.length).toBeLessThan(dataset.models.length / 20);
  });

  it('should find the Markdown pages of every content plugin, and none of a plugin without content', () => {
    const allContent = {
      // A site without src/pages: the pages plugin loads null.
      'docusaurus-plugin-content-pages': {default: null},
      'docusaurus-plugin-content-docs': {default: {loadedVersions: [{docs: [{source: '@site/docs/intro.md', permalink: '/docs/intro'}]}]}},
      'docusaurus-plugin-content-blog': {default: {blogPosts: [{metadata: {source: '@site/blog/post.mdx', permalink: '/blog/post'}}]}},
      'docusaurus-theme-classic': {default: undefined},
    };
    expect(contentPages(allContent, '/site')).toEqual([
      {file: '/site/docs/intro.md', permalink: '/docs/intro'},
      {file: '/site/blog/post.mdx', permalink: '/blog/post'},
    ]);
  });

  it('should turn auto-linking off on the ids and survey pages, which would gain no link from it', () => {
    const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
    const links = (tree: Root) => {
      let count = 0;
      visitParents(tree, 'link', () => void count++);
      return count;
    };
    for (const page of ['docs/ids.mdx', 'docs/survey.mdx']) {
      const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(String(files.get(page)))!;
      expect(frontMatter, page).toContain('model_atlas_autolink: false');
      const tree = parser.parse(body!);
      const before = links(tree);
      expect(before, page).toBeGreaterThan(dataset.models.length / 2);
      linkModels(tree, normalizeLinkOptions({data: dataset}), new VFile({path: page, value: body}));
      expect(links(tree), page).toBe(before);
    }
  });

  it('should list only the overview and facet pages in the sidebar with sidebarTerms: false, and no model anywhere', () => {
    const compact = buildAtlasFiles(dataset, {...context, sidebarModels: false, sidebarTerms: false});
    const sidebar = String(compact.get('sidebars.json'));
    const ids = [...sidebar.matchAll(/"id": "([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['index', 'explorer', 'timeline', 'family-tree', 'survey', 'domain/index', 'architecture/index', 'objective/index', 'organization/index', 'year/index']);
  });

  it('should give every model page its lineage neighbourhood as a layout, parents left of the model', () => {
    const props = JSON.parse(String(files.get('docs/_props/roberta.json'))) as {lineage: {id: string; parents: {id: string}[]; diagram: {nodes: {id: string; x: number}[]}}};
    const {lineage} = props;
    expect(lineage.id).toBe('roberta');
    const x = Object.fromEntries(lineage.diagram.nodes.map((node) => [node.id, node.x]));
    expect(lineage.parents.map((parent) => parent.id)).toContain('bert');
    expect(x.bert).toBeLessThan(x.roberta!);
  });
});
