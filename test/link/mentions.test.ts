import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {run} from '../../plugin/src/cli/index.js';
import {readContentFiles, scanMentions} from '../../plugin/src/link/mentions.js';
import {DATA, FIXTURES, loadFixtureDataset} from './helpers.js';

const CONTENT = path.join(FIXTURES, 'content');

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, {stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), cwd: FIXTURES});
  return {code, stdout, stderr};
}

describe('scanMentions', () => {
  const files = readContentFiles([CONTENT]).map((file) => ({...file, path: path.relative(CONTENT, file.path)}));
  const report = scanMentions(files, {data: loadFixtureDataset()});

  it('should read Markdown and MDX files, skipping partials', () => {
    expect(files.map((file) => file.path)).toEqual(['blog/broken.mdx', 'blog/plain-post.md', 'blog/typo.md', 'docs/bert-page.md', 'docs/guide/encoders.mdx', 'docs/intro.md']);
  });

  it('should list the pages mentioning each model with title and count', () => {
    const pages = [...report.models].map(([id, found]) => [id, found.map(({file, title, count}) => ({file, title, count}))]);
    expect(Object.fromEntries(pages)).toEqual({
      gpt: [
        {file: 'blog/broken.mdx', title: 'Broken MDX', count: 1},
        {file: 'docs/bert-page.md', title: 'BERT', count: 1},
      ],
      chatgpt: [{file: 'blog/plain-post.md', title: 'plain-post', count: 1}],
      bert: [
        {file: 'blog/plain-post.md', title: 'plain-post', count: 1},
        {file: 'docs/guide/encoders.mdx', title: 'Encoders compared', count: 1},
        {file: 'docs/intro.md', title: 'Getting started', count: 2},
      ],
      roberta: [{file: 'docs/guide/encoders.mdx', title: 'Encoders compared', count: 1}],
      'ernie-thu': [{file: 'docs/guide/encoders.mdx', title: 'Encoders compared', count: 1}],
      'gpt-3': [{file: 'docs/intro.md', title: 'Getting started', count: 1}],
    });
  });

  it('should count the mentions of a page that turns auto-linking off', () => {
    const page = {path: 'docs/unlinked.md', value: '---\nmodel_atlas_autolink: false\n---\n\n# Unlinked\n\nRoBERTa after BERT.\n'};
    const found = scanMentions([page], {data: loadFixtureDataset()}).models;
    expect([...found].map(([id, pages]) => [id, pages.map(({file, count}) => ({file, count}))])).toEqual([
      ['roberta', [{file: 'docs/unlinked.md', count: 1}]],
      ['bert', [{file: 'docs/unlinked.md', count: 1}]],
    ]);
  });

  it('should report ambiguous mentions and near misses with their places and fixes, not words such as Bert, bloom or clip', () => {
    expect(report.ambiguous).toEqual([{file: 'docs/intro.md', line: 9, column: 1, text: 'MAE', models: ['mae'], names: ['MAE']}]);
    expect(report.nearMisses).toEqual([
      {
        file: 'docs/intro.md', line: 7, column: 40, text: 'Roberta', models: ['roberta'], names: ['RoBERTa'], rule: 'name',
        fix: 'only the case differs from "RoBERTa": write it so, or add the alias {name: "Roberta"} (or matchCase: false) to models/roberta.yaml',
      },
      {
        file: 'docs/intro.md', line: 7, column: 74, text: 'LLaMA 3', models: ['llama'], names: ['LLaMA'], rule: 'version',
        fix: 'rule "version": a version after "LLaMA" names another model; add a model (or an alias) named "LLaMA 3" to link it',
      },
    ]);
  });

  it('should report a file that fails to parse or has a bad directive, and go on', () => {
    expect(report.problems).toEqual([
      {file: 'blog/broken.mdx', line: 6, column: 1, severity: 'warning', message: expect.stringMatching(/^Not valid MDX \(.+\); scanned as Markdown\.$/)},
      {file: 'blog/typo.md', line: 1, column: 8, severity: 'error', message: 'Unknown model id "berrt" in :model; did you mean "bert"? Use the id of a file in models/.'},
    ]);
  });

  it('should name the section of each mention, with counts and the anchor Docusaurus gives its heading', () => {
    const value = [
      '# Title with BERT',
      'BERT on top.',
      '## Encoders',
      'BERT and RoBERTa; BERT again.',
      '### Custom anchor {#mine}',
      'BERT.',
      '## Encoders',
      'Nothing here.',
      '## Encoders',
      '- a list with BERT',
    ].join('\n\n');
    const found = scanMentions([{path: 'a.md', value}], {data: loadFixtureDataset()});
    expect(found.models.get('bert')).toEqual([
      {
        file: 'a.md',
        title: 'Title with BERT',
        count: 5,
        sections: [
          {heading: undefined, anchor: undefined, count: 1},
          {heading: 'Encoders', anchor: 'encoders', count: 2},
          {heading: 'Custom anchor', anchor: 'mine', count: 1},
          {heading: 'Encoders', anchor: 'encoders-2', count: 1},
        ],
      },
    ]);
    expect(found.models.get('roberta')?.[0]?.sections).toEqual([{heading: 'Encoders', anchor: 'encoders', count: 1}]);
  });

  it('should count what the remark plugin would link, whatever the density', () => {
    const once = scanMentions([{path: 'a.md', value: 'BERT BERT\n\n# BERT\n\nBERT'}], {data: loadFixtureDataset()});
    expect(once.models.get('bert')).toMatchObject([{file: 'a.md', title: 'BERT', count: 3}]);
    const withHeadings = scanMentions([{path: 'a.md', value: '# BERT'}], {data: loadFixtureDataset(), headings: true});
    expect(withHeadings.models.get('bert')?.[0]?.count).toBe(1);
  });
});

describe('model-atlas mentions', () => {
  it('should print the mentions as text and exit 1 when a page has an unknown directive id', () => {
    const {code, stdout, stderr} = cli(['mentions', 'content/docs', 'content/blog', '--data', 'data']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "GPT (gpt): 2 mention(s) on 2 page(s)
        content/docs/bert-page.md: 1 "BERT"
        content/blog/broken.mdx: 1 "Broken MDX"
      BERT (bert): 4 mention(s) on 3 page(s)
        content/docs/guide/encoders.mdx: 1 "Encoders compared"
        content/docs/intro.md: 2 "Getting started"
        content/blog/plain-post.md: 1 "plain-post"
      RoBERTa (roberta): 1 mention(s) on 1 page(s)
        content/docs/guide/encoders.mdx: 1 "Encoders compared"
      ERNIE (ernie-thu): 1 mention(s) on 1 page(s)
        content/docs/guide/encoders.mdx: 1 "Encoders compared"
      GPT-3 (gpt-3): 1 mention(s) on 1 page(s)
        content/docs/intro.md: 1 "Getting started"
      ChatGPT (chatgpt): 1 mention(s) on 1 page(s)
        content/blog/plain-post.md: 1 "plain-post"
      Ambiguous names left unlinked (link one with :model[Name]{#id}):
        content/docs/intro.md:9:1 "MAE": mae
      Near misses (a name in another case, or with a version; never linked), and how to link them:
        content/docs/intro.md:7:40 "Roberta": only the case differs from "RoBERTa": write it so, or add the alias {name: "Roberta"} (or matchCase: false) to models/roberta.yaml
        content/docs/intro.md:7:74 "LLaMA 3": rule "version": a version after "LLaMA" names another model; add a model (or an alias) named "LLaMA 3" to link it
      Problems:
        content/blog/broken.mdx:6:1: warning: Not valid MDX (Unexpected end of file in expression, expected a corresponding closing brace for \`{\`); scanned as Markdown.
        content/blog/typo.md:1:8: error: Unknown model id "berrt" in :model; did you mean "bert"? Use the id of a file in models/.
      ✖ 6 file(s): 6 model(s) mentioned, 1 ambiguous, 2 near miss(es), 2 problem(s)
      "
    `);
  });

  it('should print JSON with --format json and exit 0 on clean content', () => {
    const {code, stdout} = cli(['mentions', 'content/docs', '--data', DATA, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {files: number; models: {id: string; count: number}[]};
    expect(report.files).toBe(3);
    expect(report.models.map((model) => [model.id, model.count])).toEqual([
      ['gpt', 1],
      ['bert', 3],
      ['roberta', 1],
      ['ernie-thu', 1],
      ['gpt-3', 1],
    ]);
  });

  it('should exit 2 on bad usage', () => {
    expect(cli(['mentions', '--data', 'data']).code).toBe(2);
    expect(cli(['mentions', 'no-such-dir', '--data', 'data']).stderr).toContain('not a directory: no-such-dir');
    expect(cli(['mentions', 'content', '--format', 'github', '--data', 'data']).code).toBe(2);
  });

  it('should exit 1 with the data problems when the dataset is invalid', () => {
    const {code, stderr} = cli(['mentions', 'content', '--data', 'content']);
    expect(code).toBe(1);
    expect(stderr).toContain('fix the errors to scan for mentions');
  });
});
