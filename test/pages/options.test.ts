import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {describe, expect, it} from 'vitest';
import {DEFAULT_OPTIONS, validateOptions, type Options} from '../../plugin/src/options.js';

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
