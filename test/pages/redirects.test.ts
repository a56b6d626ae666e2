/** Redirect pages of former ids: where Docusaurus would write the old page, pointing at the new one. */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildRedirectPages} from '../../plugin/src/generate/redirects.js';
import {SITES, testContext} from './helpers.js';

const {dataset} = loadDatasetOrThrow(path.join(SITES, 'simple', 'data'));

describe('redirect pages of former ids', () => {
  it('should follow the site\'s trailingSlash and base URL', () => {
    const cases = [
      [undefined, 'models/gpt2/index.html', '/atlas/models/gpt-2'],
      [true, 'models/gpt2/index.html', '/atlas/models/gpt-2/'],
      [false, 'models/gpt2.html', '/atlas/models/gpt-2'],
    ] as const;
    for (const [trailingSlash, file, target] of cases) {
      const pages = buildRedirectPages(dataset, testContext({trailingSlash, siteUrl: 'https://example.com/atlas/', locale: 'zh-Hans'}));
      expect([...pages.keys()]).toEqual([file]);
      const html = pages.get(file)!;
      expect(html).toContain(`<link rel="canonical" href="https://example.com${target}">`);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      expect(html).toContain('<html lang="zh-Hans">');
    }
  });
});
