import {beforeAll, describe, expect, it} from 'vitest';
import {buildSite, readBuildFile, readPage, visibleText, type BuildResult} from './helpers.js';

describe('hostile site', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite('hostile');
  });

  it('should build a dataset full of MDX and HTML syntax', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('should show every hostile string literally, as text', () => {
    const html = readPage(build, '/models/hostile');
    const text = visibleText(html);
    for (const literal of [
      '{process.exit()} <script>alert(1)</script>',
      "import x from 'y'",
      'export const a = 1',
      'an unbalanced <div> here.',
      'Backticks ``` and',
      '$$math$$',
      '{/* comment */}',
      'Unbalanced <div> and `backticks` and $$x$$',
      '{props.x}',
      '<img src=x onerror=alert(1)>: 1B',
    ]) {
      expect(text).toContain(literal);
    }
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<script>alert/);
    expect(markup).not.toMatch(/<img src=x/);
    expect(html).not.toContain('javascript:');
  });

  it('should keep an id that starts with a number whole, not strip it as an ordering prefix', () => {
    expect(visibleText(readPage(build, '/models/organization/01-lab'))).toContain('01 Lab');
    expect(() => readPage(build, '/models/organization/lab')).toThrow(/ENOENT/);
  });

  it('should keep JSON-LD script elements closed', () => {
    const html = readPage(build, '/models/hostile');
    const scripts = [...html.matchAll(/<script data-rh=true type=application\/ld\+json>(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(scripts.map((data) => data['@type'])).toEqual(['BreadcrumbList', 'SoftwareApplication']);
    expect(scripts[1].name).toBe('{process.exit()} <script>alert(1)</script>');
  });

  it('should escape hostile names in the redirect page, the ids page, the BibTeX and the citation tags', () => {
    const redirect = readBuildFile(build, 'models/hostile-old/index.html');
    expect(redirect).toContain('<title>Moved: {process.exit()} &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(redirect).not.toMatch(/<script>alert/);
    const ids = visibleText(readPage(build, '/models/ids'));
    expect(ids).toContain("import x from 'y' → {process.exit()} <script>alert(1)</script> — auto-linked");
    const page = readPage(build, '/models/hostile');
    const cite = visibleText(page.slice(page.indexOf('id=cite'), page.indexOf('id=how-to-link-this')));
    expect(cite).toContain('title = {Unbalanced <div> and `backticks` and \\$\\$x\\$\\$}');
    expect(cite).toContain('title = {\\textbraceleft{}process.exit()\\textbraceright{} <script>alert(1)</script>}');
    expect(page).toContain('name=citation_title content="Unbalanced <div> and `backticks` and $$x$$"');
  });
});

describe('invalid-data site', () => {
  it('should fail the build with the diagnostics and no stack trace of ours', () => {
    const build = buildSite('invalid-data');
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('Model Atlas found problems in the dataset (1 error, 0 warnings)');
    expect(build.output).toContain(
      'data/models/roberta.yaml:4:15: error [unknown-taxonomy-term] "transformer-encodr" is not a term of the facet "architecture".',
    );
    expect(build.output).toContain('hint: Did you mean "transformer-encoder"?');
    expect(build.output).not.toMatch(/at .*plugin\/lib\//);
  });
});

describe('versioned site', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite('versioned');
  });

  it('should build with a versioned main docs instance and onBrokenLinks: throw', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('should resolve links from every docs version to the one unversioned copy of the model pages', () => {
    expect(readPage(build, '/docs/intro')).toContain('href=/models/gpt');
    expect(readPage(build, '/docs/next/intro')).toContain('href=/models/bert');
    expect(visibleText(readPage(build, '/models/bert'))).toContain('BERT');
    expect(() => readPage(build, '/models/next/bert')).toThrow(/ENOENT: no such file or directory/);
  });

  it('should name the docs version of each page that mentions a model', () => {
    expect(visibleText(readPage(build, '/models/bert'))).toMatch(/Mentioned in\W+Intro \(next\) \(Next\) — 1×/);
    expect(visibleText(readPage(build, '/models/gpt'))).toMatch(/Mentioned in\W+Intro \(1\.0\) \(1\.0\) — 1×/);
  });
});
