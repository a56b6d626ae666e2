import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadContext} from '@docusaurus/core/lib/server/site.js';
import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {describe, expect, it} from 'vitest';
import pluginModelAtlas from '../../plugin/src/index.js';
import {syncFolder} from '../../plugin/src/generate/sync.js';
import {DEFAULT_OPTIONS, validateOptions, type Options} from '../../plugin/src/options.js';
import {writeFiles} from '../data/helpers.js';
import {SITES} from './helpers.js';

const testValidate = (options?: Options) => validateOptions({validate: normalizePluginOptions as never, options});

describe('validateOptions', () => {
  it('should fill every default, with our own plugin id', () => {
    expect(testValidate()).toEqual({...DEFAULT_OPTIONS, editUrl: undefined});
    expect(testValidate({}).id).toBe('model-atlas');
  });

  it('should accept valid options', () => {
    const options = {path: 'atlas', routeBasePath: 'atlas', sidebar: 'facets', editUrl: 'https://github.com/o/r/edit/main/atlas', onDataWarning: 'throw', docs: {showLastUpdateTime: true}} as const;
    expect(testValidate(options)).toMatchObject({...options, routeBasePath: '/atlas'});
  });

  it.each([
    [{sidebar: 'all'}, '"sidebar" must be one of [auto, full, facets, pages]'],
    [{onDataWarning: 'error'}, '"onDataWarning" must be one of [ignore, log, warn, throw]'],
    [{editUrl: 'javascript:alert(1)'}, '"editUrl" must be a valid uri with a scheme matching the http|https pattern'],
    [{routeBasePath: '/'}, 'the atlas cannot be the site root'],
    [{docs: {path: 'docs'}}, '"docs.path" is set by Model Atlas'],
  ] as [Options, string][])('should reject %o', (options, message) => {
    expect(() => testValidate(options)).toThrow(message);
  });
});

describe('paths the plugin writes to (issue 15, rows 16 and 17)', () => {
  it.each(['../../x', 'models/../../x', '/..', 'a\\..\\..\\x', 'models/%2e%2e', 'a\u0000b'])('row 16: should refuse routeBasePath %j', (routeBasePath) => {
    expect(() => testValidate({routeBasePath})).toThrow('"routeBasePath" must be a URL path inside the site');
  });

  it('row 16: should write nothing outside the folder it syncs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-sync-'));
    const out = path.join(dir, 'out');
    expect(() => syncFolder(out, new Map([['static/../../../x/models.json', '{}']]))).toThrow(`Model Atlas: refusing to write "static/../../../x/models.json", which is outside ${out}.`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('row 17: should refuse a locale that is not a folder name before writing or deleting anything', async () => {
    const siteDir = fs.mkdtempSync(path.join(SITES, '.tmp-locale-'));
    try {
      fs.cpSync(path.join(SITES, 'simple'), siteDir, {recursive: true, filter: (src) => !/[/\\](build|\.docusaurus|node_modules)$/.test(src)});
      writeFiles(siteDir, {'docs/keep.md': '# Keep me\n'});
      const context = await loadContext({siteDir});
      const hostile = {...context, i18n: {...context.i18n, currentLocale: '../../../docs'}};
      await expect(pluginModelAtlas(hostile, testValidate({}))).rejects.toThrow(
        'Model Atlas: the locale "../../../docs" cannot name a folder; use letters, digits, "_" and "-" only (such as "en" or "zh-Hans").',
      );
      expect(fs.readFileSync(path.join(siteDir, 'docs/keep.md'), 'utf8')).toBe('# Keep me\n');
    } finally {
      fs.rmSync(siteDir, {recursive: true, force: true});
    }
  });

  it('should keep ids that start with a number, such as the organization "01-ai" (Docusaurus would strip "01-")', async () => {
    const siteDir = fs.mkdtempSync(path.join(SITES, '.tmp-prefix-'));
    try {
      fs.cpSync(path.join(SITES, 'simple'), siteDir, {recursive: true, filter: (src) => !/[/\\](build|\.docusaurus|node_modules)$/.test(src)});
      fs.appendFileSync(path.join(siteDir, 'data/organizations.yaml'), "01-ai: {name: '01.AI', kind: industry}\n");
      const bert = path.join(siteDir, 'data/models/bert.yaml');
      fs.writeFileSync(bert, fs.readFileSync(bert, 'utf8').replace('organizations: [google]', "organizations: [google, '01-ai']"));
      const context = await loadContext({siteDir});
      const plugin = await pluginModelAtlas(context, testValidate({}));
      const content = await plugin.loadContent!();
      const ids = content.loadedVersions[0]!.docs.map((doc) => doc.id);
      expect(ids).toContain('organization/01-ai');
    } finally {
      fs.rmSync(siteDir, {recursive: true, force: true});
    }
  });
});
