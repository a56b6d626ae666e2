/** Builds fixture sites with the real Docusaurus CLI and reads what they produce. */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadMessages, type GenerateContext} from '../../plugin/src/generate/index.js';

export const SITES = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));
const DOCUSAURUS = fileURLToPath(new URL('../../node_modules/@docusaurus/core/bin/docusaurus.mjs', import.meta.url));

export interface BuildResult {
  readonly status: number | null;
  /** stdout and stderr together. */
  readonly output: string;
  readonly siteDir: string;
}

export function buildSite(name: string, siteDir = path.join(SITES, name)): BuildResult {
  const result = spawnSync(process.execPath, [DOCUSAURUS, 'build', siteDir], {encoding: 'utf8', env: {...process.env, NODE_ENV: 'production'}});
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`, siteDir};
}

/** The HTML of a built page, by URL path (`/models/bert`). */
export function readPage(build: BuildResult, urlPath: string): string {
  return fs.readFileSync(path.join(build.siteDir, 'build', urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

export function readBuildFile(build: BuildResult, file: string): string {
  return fs.readFileSync(path.join(build.siteDir, 'build', file), 'utf8');
}

/** Text content of HTML, with entities decoded: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A generation context for tests without a site: English, default messages, `https://example.com/`. */
export function testContext(overrides: Partial<GenerateContext> = {}): GenerateContext {
  return {
    routeBasePath: 'models',
    locale: 'en',
    messages: loadMessages('/nonexistent'),
    editUrl: undefined,
    sidebarModels: true,
    siteUrl: 'https://example.com/',
    mentions: new Map(),
    ...overrides,
  };
}
