/**
 * End-to-end: the PFM Atlas website, built for real and driven in Debian's
 * Chromium. Screenshots of the key pages go to test-results/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildWebsiteOnce, launchChromium, ROOT, serveSite, watchConsole, WEBSITE as SITE, type Served} from './browser.js';

const SHOTS = path.join(ROOT, 'test-results/e2e');
const {dataset} = loadDatasetOrThrow(path.join(ROOT, 'data'));

let served: Served;
let browser: BrowserContext;
const problems: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  const pageProblems = watchConsole(page);
  await page.goto(served.url + url, {waitUntil: 'networkidle'});
  // React hydrates after load; give its warnings a moment to surface.
  await page.waitForTimeout(300);
  page.on('close', () => problems.push(...pageProblems.map((p) => `${url}: ${p}`)));
  return page;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({path: path.join(SHOTS, `${name}.png`), fullPage: false});
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, {recursive: true});
  await buildWebsiteOnce();
  served = await serveSite(SITE);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  served?.close();
});

describe('the PFM Atlas in Chromium', () => {
  it('should show live figures from the dataset on the home page', async () => {
    const page = await open('/');
    await expect(page.getByTestId('model-count').textContent()).resolves.toContain(String(dataset.models.length));
    const nlp = dataset.modelsWithTerm('domain', 'nlp', {deep: true}).length;
    await expect(page.getByTestId('domain-nlp').textContent()).resolves.toContain(String(nlp));
    await shoot(page, 'home');
    await page.close();
  });

  it('should show a model page with facts, lineage and "Mentioned in"', async () => {
    const page = await open('/models/bert');
    await expect(page.locator('h1').textContent()).resolves.toBe('BERT');
    const facts = page.locator('dl').first();
    await expect(facts.textContent()).resolves.toMatch(/October 2018[\s\S]*Google[\s\S]*340M/);
    await expect(page.locator('h2#lineage').count()).resolves.toBe(1);
    const lineage = page.locator('h2#lineage ~ *').first();
    await expect(lineage.getByRole('link', {name: 'RoBERTa'}).count()).resolves.toBeGreaterThan(0);
    const mentioned = page.locator('h2#mentioned-in + ul');
    await expect(mentioned.locator('a[href="/notes/nlp"]').count()).resolves.toBe(1);
    await shoot(page, 'model-bert');
    await page.close();
  });

  it('should open a hover card on keyboard focus and close it with Escape', async () => {
    const page = await open('/notes/nlp');
    const link = page.locator('article a[href="/models/roberta"]').first();
    await link.focus();
    const card = page.getByRole('tooltip');
    await card.waitFor({state: 'visible'});
    await expect(card.textContent()).resolves.toContain('RoBERTa');
    await expect(link.evaluate((a) => a.closest('[aria-describedby]')?.getAttribute('aria-describedby'))).resolves.toBe(await card.getAttribute('id'));
    await shoot(page, 'hover-card');
    await page.keyboard.press('Escape');
    await card.waitFor({state: 'detached'});
    await page.close();
  });

  it('should filter the explorer by domain, with a count that matches the data', async () => {
    const page = await open('/models/explorer');
    const expected = dataset.modelsWithTerm('domain', 'graph', {deep: true}).length;
    await page.getByLabel('Domain').selectOption('graph');
    await page.waitForURL(/domain=graph/);
    await expect(page.getByText(`${expected} of ${dataset.models.length} models`).count()).resolves.toBe(1);
    await expect(page.locator('tbody tr').count()).resolves.toBe(expected);
    await shoot(page, 'explorer');
    // The filter state is in the URL: opening it again restores the filter.
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(shared.locator('tbody tr').count()).resolves.toBe(expected);
    await shared.close();
    await page.close();
  });

  it('should switch the notes with the version dropdown, with links that still resolve', async () => {
    const page = await open('/notes/intro');
    await page.locator('.navbar').getByRole('button', {name: 'Current', exact: true}).hover();
    await page.locator('.navbar').getByRole('link', {name: 'Survey v1'}).click();
    await page.waitForURL(/\/notes\/1\.0\//);
    await expect(page.locator('h1').textContent()).resolves.toContain('survey v1');
    await page.locator('article a[href="/models/bert"]').first().click();
    await page.waitForURL(/\/models\/bert$/);
    await page.locator('h1', {hasText: /^BERT$/}).waitFor();
    await page.close();
  });

  it('should show Chinese labels after the locale switch', async () => {
    const page = await open('/models/bert');
    await page.locator('.navbar').getByRole('button', {name: 'English', exact: true}).hover();
    await page.locator('.navbar').getByRole('link', {name: '简体中文'}).click();
    await page.waitForURL(/\/zh-Hans\/models\/bert$/);
    await expect(page.locator('dl').first().textContent()).resolves.toContain('自然语言处理');
    await shoot(page, 'model-bert-zh');
    const note = await open('/zh-Hans/notes/intro');
    await expect(note.locator('article a[href="/zh-Hans/models/chatgpt"]').count()).resolves.toBeGreaterThan(0);
    await note.close();
    const tree = await open('/zh-Hans/models/family-tree');
    await expect(tree.locator('article').textContent()).resolves.toMatch(/RoBERTa → BERT \(基于\)/);
    await tree.close();
    await page.close();
  });

  it('should find RoBERTa with the site search', async () => {
    const page = await open('/');
    const input = page.getByLabel('Search').first();
    await input.click();
    await input.pressSequentially('RoBERTa', {delay: 50});
    const first = page.getByRole('option').first();
    await first.waitFor({state: 'visible', timeout: 15_000});
    await expect(first.textContent()).resolves.toBe('RoBERTa');
    await shoot(page, 'search');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/models\/roberta$/);
    await page.locator('h1', {hasText: /^RoBERTa$/}).waitFor();
    await page.close();
  });

  it('should log no console errors and no hydration warnings on any visited page', () => {
    expect(problems).toEqual([]);
  });
});
