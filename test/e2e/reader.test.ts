/**
 * End-to-end: the atlas as a reader sees it, in Debian's Chromium against the built flagship site.
 * Accessibility (axe-core) in both locales and colour modes, every internal link, the explorer's
 * sort and URL state, the hover card's placement, and the weight of a model page.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type {BrowserContext, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildWebsiteOnce, launchChromium, ROOT, scriptsRequested, serveSite, WEBSITE, type Served} from './browser.js';

const BUILD = path.join(WEBSITE, 'build');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const {dataset} = loadDatasetOrThrow(path.join(ROOT, 'data'));

let served: Served;
let browser: BrowserContext;

beforeAll(async () => {
  await buildWebsiteOnce();
  served = await serveSite(WEBSITE);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  served?.close();
});

async function open(url: string, {width = 1280, dark = false} = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({width, height: 900});
  await page.emulateMedia({colorScheme: dark ? 'dark' : 'light'});
  await page.goto(served.url + url, {waitUntil: 'networkidle'});
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: {target: string[]}[];
}

const PAGES = ['/', '/models/bert', '/models/explorer', '/models/timeline', '/models/family-tree', '/notes/intro', '/course/introduction'];
/** Pages with a layout of their own for phones are checked at 390 px too. */
const NARROW = new Set(['/models/timeline']);
const VIEWS = PAGES.flatMap((url) =>
  (NARROW.has(url) ? [1280, 390] : [1280]).flatMap((width) => [url, url === '/' ? '/zh-Hans/' : `/zh-Hans${url}`].map((localized) => ({url: localized, width}))),
).flatMap((view) => [
  {...view, dark: false},
  {...view, dark: true},
]);

/** The first unnamed dot of a scale chart shows its name when it gets keyboard focus (by Tab, not by script). */
async function expectNameOnFocus(page: Page, chart: Locator): Promise<void> {
  const dot = chart.locator('a:not([class*="landmark"])').first();
  await expect(dot.locator('text').isVisible()).resolves.toBe(false);
  await dot.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(dot.locator('text').isVisible()).resolves.toBe(true);
}

describe('accessibility (axe-core)', () => {
  it.each(VIEWS)('should find no serious or critical violation on $url at $width px (dark: $dark)', async ({url, width, dark}) => {
    const page = await open(url, {width, dark});
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(dark ? 'dark' : 'light');
    await page.addScriptTag({path: AXE});
    const violations = await page.evaluate(async () => {
      const {axe} = window as unknown as {axe: {run(context: Document): Promise<{violations: AxeViolation[]}>}};
      return (await axe.run(document)).violations;
    });
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} ×${violation.nodes.length}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page.close();
  });
});

/** Every built page of the site, as a URL path (trailingSlash: false). */
function builtPages(): string[] {
  return fs
    .readdirSync(BUILD, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html') && !file.startsWith('assets'))
    .map((file) => `/${file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`);
}

describe('links', () => {
  it('should answer 200 for every internal link of every page, in both locales', async () => {
    const pages = builtPages();
    expect(pages).toContain('/zh-Hans/models/bert');
    const targets = new Map<string, string>();
    for (const page of pages) {
      const html = fs.readFileSync(path.join(BUILD, page.endsWith('/') ? `${page}index.html` : `${page}.html`), 'utf8');
      for (const [, href] of html.matchAll(/<a [^>]*?href=["']?([^"' >]+)/g)) {
        if (!href!.startsWith('/') || href!.startsWith('//')) continue;
        const target = new URL(href!.replace(/&amp;/g, '&'), 'http://site').pathname;
        if (!targets.has(target)) targets.set(target, page);
      }
    }
    const broken: string[] = [];
    for (const [target, from] of targets) {
      // `docusaurus serve` redirects `/zh-Hans/` to `/zh-Hans`; what counts is where the link lands.
      const response = await fetch(served.url + target);
      if (response.status !== 200) broken.push(`${target} (${response.status}), linked from ${from}`);
    }
    expect(targets.size).toBeGreaterThan(pages.length / 2);
    expect(broken).toEqual([]);
  }, 300_000);
});

describe('the explorer', () => {
  const names = (page: Page) => page.locator('tbody tr td:first-child').allTextContents();
  const parameterCount = (text: string) => {
    const match = /^([\d.]+)([KMBT])$/.exec(text);
    return match ? Number(match[1]) * {K: 1e3, M: 1e6, B: 1e9, T: 1e12}[match[2] as 'K'] : 0;
  };

  it('should sort by name and by parameters with the header buttons, both ways', async () => {
    const page = await open('/models/explorer');
    await page.locator('tbody tr').first().waitFor();
    const collator = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

    await page.getByRole('button', {name: /^Name/}).click();
    await page.waitForURL(/sort=name/);
    const descending = await names(page);
    expect(descending).toEqual([...descending].sort(collator).reverse());
    await expect(page.locator('th[aria-sort]').first().getAttribute('aria-sort')).resolves.toBe('descending');

    await page.getByRole('button', {name: /^Name/}).click();
    await page.waitForURL(/order=asc/);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    const ascending = await names(page);
    expect(ascending).toEqual([...ascending].sort(collator));

    await page.getByRole('button', {name: /^Parameters/}).click();
    await page.waitForURL(/sort=parameters/);
    expect(new URL(page.url()).searchParams.get('order')).toBeNull();
    const counts = (await page.locator('tbody tr td:last-child').allTextContents()).map(parameterCount);
    expect(counts[0]).toBe(Math.max(...counts));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.close();
  });

  it('should restore sort, order, filter and search from the URL', async () => {
    const page = await open('/models/explorer?domain=nlp&sort=parameters&order=asc&q=bert');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('combobox', {name: /^Domain/}).inputValue()).resolves.toBe('nlp');
    await expect(page.getByRole('searchbox', {name: 'Search'}).inputValue()).resolves.toBe('bert');
    await expect(page.locator('th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('ascending');
    const expected = dataset.modelsWithTerm('domain', 'nlp', {deep: true}).filter((model) => model.names.some((name) => name.text.toLowerCase().includes('bert')));
    await expect(page.locator('tbody tr').count()).resolves.toBe(expected.length);
    const counts = (await page.locator('tbody tr td:last-child').allTextContents()).map(parameterCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // Changing one control keeps the others.
    await page.getByRole('combobox', {name: /^Domain/}).selectOption('');
    await page.waitForURL((url) => !url.searchParams.has('domain'));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({sort: 'parameters', order: 'asc', q: 'bert'});
    await page.close();
  });

  it('should be titled 模型总览 in Chinese, not 浏览器 ("web browser")', async () => {
    const page = await open('/zh-Hans/models/explorer');
    await expect(page.locator('h1').textContent()).resolves.toBe('模型总览');
    await page.close();
  });
});

describe('zh-Hans', () => {
  it('should have every notes page in Chinese', () => {
    const pages = fs.readdirSync(path.join(WEBSITE, 'notes')).filter((file) => file.endsWith('.md'));
    const untranslated = pages.filter((file) => {
      const html = fs.readFileSync(path.join(BUILD, 'zh-Hans/notes', file.replace(/\.md$/, '.html')), 'utf8');
      return !/<h1[^>]*>[^<]*[\u4e00-\u9fff]/.test(html);
    });
    expect(pages.length).toBeGreaterThan(0);
    expect(untranslated).toEqual([]);
  });
});

describe('wide pages', () => {
  it.each(['/models/explorer', '/models/timeline', '/models/family-tree'])('should use the full content width of %s without sideways scrolling at 1280 px', async (url) => {
    const page = await open(url);
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      toc: document.querySelector('.theme-doc-toc-desktop') !== null,
      overflowing: [...document.querySelectorAll('article *')].filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible').length,
    }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.viewport);
    expect(layout.toc).toBe(false);
    expect(layout.overflowing).toBe(0);
    await page.close();
  });
});

describe('the pictures', () => {
  const members = new Set(dataset.models.flatMap((model) => model.lineage.flatMap((edge) => [edge.from, edge.to])));
  const linked = (id: string) => members.has(id);

  it('should draw every model of the timeline as a link, and every model with a parameter count in the scale chart', async () => {
    const page = await open('/models/timeline');
    const figures = page.locator('figure');
    await expect(figures.nth(0).locator('svg a').count()).resolves.toBe(dataset.models.length + new Set(dataset.models.map((model) => model.domain)).size);
    const counted = dataset.models.filter((model) => model.sizes.some((size) => size.parameters));
    // At 1280 px the wide pictures show, the narrow ones (a list of years, a 360-unit chart) are in the HTML but hidden.
    const list = figures.nth(0).locator('[class*="list"]');
    await expect(figures.nth(0).locator('svg[role="group"]').isVisible()).resolves.toBe(true);
    await expect(list.locator('dd a').count()).resolves.toBe(dataset.models.length);
    await expect(list.isVisible()).resolves.toBe(false);
    const [wide, narrow] = [figures.nth(1).locator('svg[class*="chart"]:not([class*="narrowChart"])'), figures.nth(1).locator('svg[class*="narrowChart"]')];
    await expect(wide.isVisible()).resolves.toBe(true);
    await expect(narrow.locator('a').count()).resolves.toBe(counted.length);
    await expect(narrow.isVisible()).resolves.toBe(false);
    await expect(wide.locator('a').count()).resolves.toBe(counted.length);
    // Keyboard focus on a dot shows its name (the largest model of each year is named where it fits).
    await expectNameOnFocus(page, wide);
    await page.close();
  });

  it('should fit the timeline page in a 390 px phone: the timeline as a list of years, every model a link, and the narrow scale chart', async () => {
    const page = await open('/models/timeline', {width: 390});
    const figures = page.locator('figure');
    const layout = await page.evaluate(() => {
      const inside = [...document.querySelectorAll('figure, figure *')];
      const name = (element: Element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`;
      return {
        scroll: document.documentElement.scrollWidth,
        // Boxes that scroll sideways, and visible elements that reach past either edge of the viewport.
        scrolling: inside.filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible').map(name),
        outside: inside
          .filter((element) => element.getClientRects().length > 0)
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.left < -0.5 || box.right > window.innerWidth + 0.5;
          })
          .map(name),
      };
    });
    expect(layout.scroll).toBeLessThanOrEqual(390);
    expect(layout.scrolling).toEqual([]);
    expect(layout.outside).toEqual([]);

    // The timeline: the wide picture hidden, the list of years shown, with each model of the picture a visible link.
    await expect(figures.nth(0).locator('svg[role="group"]').isVisible()).resolves.toBe(false);
    const pictured = await figures.nth(0).locator('svg[role="group"] a[class*="model"]').count();
    expect(pictured).toBe(dataset.models.length);
    const listed = figures.nth(0).locator('[class*="list"] dd a');
    await expect(listed.count()).resolves.toBe(pictured);
    await expect(listed.evaluateAll((links) => links.filter((link) => link.getClientRects().length === 0).length)).resolves.toBe(0);
    const years = await figures.nth(0).locator('[class*="list"] h2').allTextContents();
    expect(years).toEqual([...new Set(dataset.models.map((model) => model.released.date.slice(0, 4)))].sort());
    // Each domain is named in text (as the picture's lanes) next to its colour, one colour a domain.
    const lanes = await figures.nth(0).locator('svg[role="group"] a[class*="laneLabel"] text').allTextContents();
    const domains = await figures.nth(0).locator('[class*="list"] dt').evaluateAll((terms) => terms.map((term) => [term.textContent, term.querySelector('circle')?.getAttribute('fill')] as const));
    expect(new Set(domains.map(([domain]) => domain))).toEqual(new Set(lanes));
    const colours = new Map(domains);
    expect(new Set(colours.values()).size).toBe(colours.size);
    for (const [domain, colour] of domains) {
      expect(colour, domain ?? '').toMatch(/^#[0-9a-f]{6}$/);
      expect(colour, domain ?? '').toBe(colours.get(domain));
    }

    // The scale chart: the narrow one shows every dot, each a target of at least 24 × 24 px, inside the viewport.
    const counted = dataset.models.filter((model) => model.sizes.some((size) => size.parameters));
    const chart = figures.nth(1).locator('svg[class*="narrowChart"]');
    await expect(chart.isVisible()).resolves.toBe(true);
    await expect(figures.nth(1).locator('svg[class*="chart"]:not([class*="narrowChart"])').isVisible()).resolves.toBe(false);
    const dots = await chart.locator('a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({left, right, width, height}) => ({left, right, width, height})));
    expect(dots).toHaveLength(counted.length);
    for (const dot of dots) {
      expect(dot.width).toBeGreaterThanOrEqual(24);
      expect(dot.height).toBeGreaterThanOrEqual(24);
    }
    const circles = await chart.locator('circle[class*="dot"]').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map(({left, right}) => ({left, right})));
    expect(circles).toHaveLength(counted.length);
    for (const circle of circles) {
      expect(circle.left).toBeGreaterThanOrEqual(0);
      expect(circle.right).toBeLessThanOrEqual(390);
    }
    // Keyboard focus on a dot of the narrow chart shows its name.
    await expectNameOnFocus(page, chart);
    await page.close();
  });

  it('should lay out the family tree again for a domain, a family and one model, and zoom', async () => {
    const page = await open('/models/family-tree');
    const nodes = page.locator('figure svg[role="group"] rect');
    const all = dataset.models.filter((model) => linked(model.id)).length;
    await expect(nodes.count()).resolves.toBe(all);
    await page.getByRole('combobox', {name: /^Focus on/}).selectOption({label: 'RoBERTa'});
    await page.waitForFunction((count) => document.querySelectorAll('figure svg[role="group"] rect').length < count, all);
    const focused = await page.locator('figure svg[role="group"] text').allTextContents();
    expect(focused).toContain('BERT');
    expect(focused).toContain('RoBERTa');
    expect(focused).not.toContain('ViT');
    await expect(page.locator('figure svg [aria-current="page"]').textContent()).resolves.toBe('RoBERTa');
    expect(new URL(page.url()).search).toBe('?focus=roberta');
    await page.getByRole('combobox', {name: /^Domain/}).selectOption({label: 'Graph learning'});
    await page.waitForFunction(() => !document.querySelector('figure svg [aria-current="page"]'));
    expect(new URL(page.url()).search).toBe('?domain=graph');
    const graph = dataset.models.filter((model) => model.domain === 'graph' && linked(model.id)).length;
    await expect(nodes.count()).resolves.toBe(graph);
    const before = await page.locator('figure svg[role="group"]').getAttribute('width');
    await page.getByRole('button', {name: 'Zoom in'}).click();
    await expect(page.locator('figure svg[role="group"]').getAttribute('width')).resolves.toBe(String(Number(before) * 1.5));
    await page.close();
  });

  it('should open the family tree on the filter its URL names', async () => {
    const page = await open('/models/family-tree?family=bert');
    await page.waitForFunction(() => document.querySelector('figure select:nth-of-type(1)') !== null);
    await expect(page.getByRole('combobox', {name: /^Family of/}).inputValue()).resolves.toBe('bert');
    const shown = await page.locator('figure svg[role="group"] text').allTextContents();
    expect(shown).toEqual(expect.arrayContaining(['BERT', 'RoBERTa']));
    expect(shown).not.toContain('GPT-2');
    await page.close();
  });

  it('should draw at most 12 derived models on a model page and sum up the rest, linked to the focused family tree', async () => {
    const children = dataset.children('bert').length;
    expect(children).toBeGreaterThan(12);
    const page = await open('/models/bert', {width: 390});
    const graph = page.locator('h2#lineage ~ div svg[role="group"]').first();
    const more = graph.locator(`a[href="/models/family-tree?focus=bert"]`);
    await expect(more.textContent()).resolves.toBe(`+${children - 12} more`);
    await expect(graph.locator('a').count()).resolves.toBe(12 + dataset.parents('bert').length + 1);
    // The list under the diagram names the 24 most derived-from, and sends the reader to the family tree for the rest.
    const list = page.locator('h2#lineage + div > ul').last();
    await expect(list.locator('a[href^="/models/"]:not([href*="family-tree"])').count()).resolves.toBe(Math.min(children, 24));
    await expect(list.locator('a[href="/models/family-tree?focus=bert"]').textContent()).resolves.toBe(`${children - 24} more, in the family tree`);
    await more.click();
    await page.waitForFunction(() => document.querySelector('figure svg [aria-current="page"]')?.textContent === 'BERT');
    await page.close();
  });

  it('should show each model page its own lineage neighbourhood, readable at 390 px', async () => {
    const page = await open('/models/roberta', {width: 390});
    const graph = page.locator('h2#lineage ~ div svg[role="group"]').first();
    const labels = await graph.locator('text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['RoBERTa', 'BERT']));
    // Drawn at no less than 80% of its size: 13 px labels stay above 10 px.
    const scale = await graph.evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
    expect(scale).toBeGreaterThanOrEqual(0.8);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe('the hover card', () => {
  /** Focuses the model links nearest each edge of the article and checks where their card lands. */
  it.each([390, 1280])('should stay inside a %i px viewport for links near both edges, and be one Tab stop', async (width) => {
    const page = await open('/notes/nlp', {width});
    const links = page.locator('article p a[href^="/models/"]');
    const boxes = await links.evaluateAll((anchors) => anchors.map((a) => a.getBoundingClientRect()).map((box) => ({left: box.left, right: box.right})));
    const nearest = (score: (box: {left: number; right: number}) => number) => boxes.map((box, index) => ({index, score: score(box)})).sort((a, b) => a.score - b.score)[0]!.index;
    for (const index of new Set([nearest((box) => box.left), nearest((box) => -box.right)])) {
      const link = links.nth(index);
      await link.scrollIntoViewIfNeeded();
      await link.focus();
      const card = page.getByRole('tooltip');
      await card.waitFor({state: 'visible'});
      // The card is placed asynchronously (floating-ui): wait for it to settle.
      await page.waitForTimeout(200);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      // Announced: the focused link itself is described by the card.
      await expect(link.getAttribute('aria-describedby')).resolves.toBe(await card.getAttribute('id'));
      // One Tab stop: the next Tab leaves the link and does not land inside the card.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.closest('[role="tooltip"]') === null)).resolves.toBe(true);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });
});

describe('weight', () => {
  /** The scripts a page runs on load (not the ones it prefetches), with their gzip size from the build. */
  async function scriptsOf(url: string): Promise<{bytes: number; text: string}> {
    const contents = (await scriptsRequested(browser, served.url + url)).map((script) => fs.readFileSync(path.join(BUILD, script)));
    return {bytes: contents.reduce((sum, content) => sum + zlib.gzipSync(content).length, 0), text: contents.map(String).join('\n')};
  }

  /**
   * Typical pages, and the heaviest of the atlas by each part a page grows with: lineage links, authors
   * (paper line, BibTeX and citation tags), sources, names (how to link) and pages mentioning it.
   */
  const heaviest = (size: (model: (typeof dataset.models)[number]) => number) =>
    dataset.models.reduce((best, model) => (size(model) > size(best) ? model : best)).id;
  const PAGES_WEIGHED = [
    ...new Set([
      'roberta',
      'gpt-3',
      'vit',
      heaviest((model) => dataset.parents(model.id).length + dataset.children(model.id).length),
      heaviest((model) => model.paper.authors?.length ?? 0),
      heaviest((model) => model.sources.length),
      heaviest((model) => model.names.length),
    ]),
  ].map((id) => `/models/${id}`);

  it.each([...PAGES_WEIGHED, '/zh-Hans/models/t5', '/zh-Hans/models/bert'])(
    'should keep %s within 5 KB gzip of a plain notes page, with no other model\'s summary',
    async (url) => {
      const [model, notes] = [await scriptsOf(url), await scriptsOf(url.startsWith('/zh-Hans') ? '/zh-Hans/notes/intro' : '/notes/intro')];
      expect(model.bytes - notes.bytes).toBeLessThanOrEqual(5 * 1024);
      const id = url.split('/').pop();
      const others = dataset.models.filter((other) => other.id !== id && model.text.includes(JSON.stringify(other.summary.slice(0, 60)).slice(1, -1)));
      expect(others.map((other) => other.id)).toEqual([]);
    },
  );
});
