/** Debian's Chromium, driven by playwright-core, against a site served on localhost. */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext, type Page} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** A fresh profile each time (playwright passes it as --user-data-dir). */
export async function launchChromium(): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get install chromium (.ci/run does).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: {width: 1280, height: 900},
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Served {
  readonly url: string;
  close(): void;
}

/** `docusaurus serve` of a built site, resolved once it answers. */
export async function serveSite(siteDir: string): Promise<Served> {
  const port = await freePort();
  const bin = path.resolve(import.meta.dirname, '../../node_modules/.bin/docusaurus');
  const child: ChildProcess = spawn(bin, ['serve', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {cwd: siteDir, stdio: 'ignore'});
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return {url, close: () => child.kill()};
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`docusaurus serve did not answer on ${url}`);
}

/** Collects console errors, page errors and React hydration warnings of a page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /hydrat/i.test(text)) problems.push(`${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEBSITE = path.join(ROOT, 'website');

/**
 * Builds the flagship site once per test run, whichever e2e file asks first: the files run in parallel
 * forks of one vitest process, so a lock folder named after that process makes the others wait for the
 * same build. `E2E_REUSE_BUILD=1` skips the build (for reruns against a fresh `npm run build`).
 */
export async function buildWebsiteOnce(): Promise<void> {
  if (process.env.E2E_REUSE_BUILD) return;
  const lock = path.join(os.tmpdir(), `model-atlas-e2e-build-${process.ppid}`);
  const result = path.join(lock, 'result');
  try {
    fs.mkdirSync(lock);
  } catch {
    while (!fs.existsSync(result)) await new Promise((resolve) => setTimeout(resolve, 1000));
    const outcome = fs.readFileSync(result, 'utf8');
    if (outcome !== 'ok') throw new Error(`The website build failed:\n${outcome}`);
    return;
  }
  try {
    execFileSync('npm', ['run', 'build', '-w', 'website'], {cwd: ROOT, stdio: 'pipe'});
    fs.writeFileSync(result, 'ok');
  } catch (error) {
    fs.writeFileSync(result, String((error as {stderr?: Buffer}).stderr ?? error));
    throw error;
  }
}

/** URL paths of the scripts a page requests until the network is idle (what it runs on load, not what it prefetches later). */
export async function scriptsRequested(browser: BrowserContext, url: string): Promise<string[]> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  await page.close();
  return scripts;
}
