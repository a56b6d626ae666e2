import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {run} from '../../plugin/src/cli/index.js';
import {copyValidDataset, VALID, writeFiles} from './helpers.js';

function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = run(args, {stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), cwd});
  return {code, stdout, stderr};
}

function brokenDataset(): string {
  const dir = copyValidDataset();
  writeFiles(dir, {'models/gpt.yaml': 'id: gpt\nname: GPT\ndomain: nlpp\n'});
  return dir;
}

describe('model-atlas validate', () => {
  it('should exit 0 and say so on valid data', () => {
    const {code, stdout} = cli(['validate', VALID], path.dirname(VALID));
    expect(code).toBe(0);
    expect(stdout).toBe('✔ ' + VALID + ': 0 errors, 0 warnings\n');
  });

  it('should exit 1 and print every problem with its place', () => {
    const dir = brokenDataset();
    const {code, stdout} = cli(['validate', dir], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('models/gpt.yaml:1:1: error [missing-field] The entry is missing the required field "architecture".');
    expect(stdout).toContain('models/gpt.yaml:3:9: error [unknown-taxonomy-term] "nlpp" is not a term of the facet "domain".\n    hint: Did you mean "nlp"?');
    expect(stdout).toMatch(/✖ .*: 7 errors, 0 warnings\n$/);
  });

  it('should print JSON with --format json', () => {
    const dir = brokenDataset();
    const {code, stdout} = cli(['validate', dir, '--format', 'json'], dir);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(parsed[0]).toEqual({
      file: 'models/gpt.yaml',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'missing-field',
      message: 'The entry is missing the required field "architecture".',
      hint: 'Add "architecture".',
    });
  });

  it('should print GitHub annotations with --format github', () => {
    const dir = brokenDataset();
    const {stdout} = cli(['validate', dir, '--format', 'github'], dir);
    expect(stdout.split('\n')[0]).toBe(
      '::error file=models/gpt.yaml,line=1,col=1,title=missing-field::The entry is missing the required field "architecture". (Add "architecture".)',
    );
  });

  it('should exit 2 on bad usage', () => {
    expect(cli(['validate', '--format', 'xml']).code).toBe(2);
    expect(cli(['validate', 'a', 'b']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['--bogus']).code).toBe(2);
    expect(cli(['validate', '--data', 'data']).code).toBe(2);
    expect(cli([]).code).toBe(2);
  });

  it('should explain itself with --help', () => {
    const {code, stdout} = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('validate [data-dir]');
    expect(stdout).toContain('Exit codes: 0');
  });

  it('should run as the installed bin', () => {
    const bin = path.resolve(import.meta.dirname, '../../node_modules/.bin/model-atlas');
    const output = execFileSync(bin, ['validate', VALID], {encoding: 'utf8'});
    expect(output).toContain('0 errors, 0 warnings');
  });
});

describe('model-atlas stats', () => {
  it('should print coverage figures of a valid dataset', () => {
    const {code, stdout} = cli(['stats', VALID, '--format', 'json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.models).toBe(3);
    expect(stats.share.parameters).toBe(66.7);
    expect(stats.lineageEdges).toBe(2);
    expect(stats.facets.objective).toContainEqual({term: 'language-modeling', label: 'Language modeling', labels: {en: 'Language modeling', 'zh-Hans': '语言建模'}, models: 0, withSubterms: 3});
  });

  it('should refuse invalid data with exit 1', () => {
    expect(cli(['stats', brokenDataset()]).code).toBe(1);
  });
});
