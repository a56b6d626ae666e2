/**
 * The newcomer check: pack the plugin, create a fresh site from the classic
 * template, install the tarball, add the plugin with the lines the README
 * shows, and build it with a small dataset.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The config lines the README tells a newcomer to add, between its markers. */
function readmeSnippet(name: string): string {
  const match = new RegExp(`<!-- newcomer:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!match) throw new Error(`README.md has no block marked <!-- newcomer:${name} -->`);
  return match[1]!;
}

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, CI: 'true'}});

describe('a new site from the classic template', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-newcomer-'));
  const site = path.join(work, 'my-site');
  let buildOutput = '';

  beforeAll(() => {
    const tarball = run('npm', ['pack', '--pack-destination', work, '--silent'], path.join(ROOT, 'plugin')).trim().split('\n').pop()!;
    run('npx', ['--yes', 'create-docusaurus@3.10.2', 'my-site', 'classic', '--typescript', '--skip-install'], work);
    run('npm', ['install', '--no-audit', '--no-fund', path.join(work, tarball)], site);
    fs.cpSync(path.join(ROOT, 'test/fixtures/data/valid'), path.join(site, 'data'), {recursive: true});

    const configFile = path.join(site, 'docusaurus.config.ts');
    let config = fs.readFileSync(configFile, 'utf8');
    config = `${readmeSnippet('import')}${config}`;
    config = config.replace(/\n  presets: \[/, `\n${readmeSnippet('plugins')}  presets: [`);
    config = config.replace(/(\n\s+docs: \{\n)/, `$1${readmeSnippet('remark')}`);
    fs.writeFileSync(configFile, config);
    fs.writeFileSync(path.join(site, 'docs/models.md'), '# Models\n\nBERT reads both sides.\n');
    buildOutput = run('npx', ['docusaurus', 'build'], site);
  }, 900_000);

  it('should build the atlas pages of the dataset', () => {
    expect(buildOutput).toMatch(/Generated static files in "build"/);
    for (const id of ['bert', 'gpt', 'transformer']) {
      expect(fs.existsSync(path.join(site, 'build/models', id, 'index.html')) || fs.existsSync(path.join(site, 'build/models', `${id}.html`))).toBe(true);
    }
  });

  it('should link model names in the template docs', () => {
    const html = fs.readFileSync(path.join(site, 'build/docs/models/index.html'), 'utf8');
    expect(html).toMatch(/<a[^>]+href="?\/models\/bert"?[^>]*>BERT<\/a>/);
  });
});
