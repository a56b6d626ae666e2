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
      // The sticky navbar would cover the top of the picture.
      await page.addStyleTag({content: '.navbar { position: static !important; }'});
      const box = await page.locator(picture.selector).first().evaluate((element) => {
        const rect = element.getBoundingClientRect();
        return {x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height};
      });
      // At most about one and a half screens of a tall picture.
      const clip = {x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: Math.min(width, box.width + 16), height: Math.min(box.height + 16, 1350)};
      await page.screenshot({path: path.join(OUT, `${picture.name}-${width}.png`), clip, fullPage: true});
      await page.close();
    }
  }
} finally {
  await browser.close();
  served.close();
}
