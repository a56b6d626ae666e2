/**
 * Screenshots of the atlas's three pictures for the README, taken in Debian's Chromium from the built site:
 * `npm run build && npx tsx test/e2e/screenshots.ts` writes docs/img/<picture>-<width>.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import {launchChromium, ROOT, serveSite, WEBSITE} from './browser.js';

const OUT = path.join(ROOT, 'docs/img');
const PICTURES = [
  {name: 'family-tree', url: '/models/family-tree', selector: 'figure'},
  {name: 'timeline', url: '/models/timeline', selector: 'figure'},
  {name: 'scale', url: '/models/timeline', selector: 'figure:has(#scale)'},
  {name: 'lineage-bert', url: '/models/bert', selector: 'h2#lineage + div'},
];

const served = await serveSite(WEBSITE);
const browser = await launchChromium();
try {
  fs.mkdirSync(OUT, {recursive: true});
  for (const width of [1280, 390]) {
    for (const picture of PICTURES) {
      const page = await browser.newPage();
      await page.setViewportSize({width, height: 900});
      await page.goto(served.url + picture.url, {waitUntil: 'networkidle'});
      const figure = page.locator(picture.selector).first();
      await figure.scrollIntoViewIfNeeded();
      const box = (await figure.boundingBox())!;
      // At most one and a half screens of a tall picture.
      const height = Math.min(box.height, 1350);
      await page.setViewportSize({width, height: Math.ceil(height) + 40});
      const clip = (await figure.boundingBox())!;
      await page.screenshot({path: path.join(OUT, `${picture.name}-${width}.png`), clip: {x: clip.x, y: clip.y, width: clip.width, height: Math.min(clip.height, height)}, fullPage: true});
      await page.close();
    }
  }
} finally {
  await browser.close();
  served.close();
}
