/**
 * Hostile input (issue 15): every bad input gets a bounded, positioned answer.
 * One test per row of the table; none asserts a timing (the sizes are
 * the ones that took minutes or crashed before, see bench/load.ts --hostile).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {run} from '../../plugin/src/cli/index.js';
import {formatDiagnostics, loadDataset, type Diagnostic} from '../../plugin/src/data/index.js';
import {MAX_REPORTED_PER_RULE} from '../../plugin/src/data/constants.js';
import {CHAIN_LENGTH, modelYaml, writeHostileCase} from '../../bench/hostile.js';
import {copyValidDataset, writeFiles} from './helpers.js';

const TODAY = new Date('2026-01-01T00:00:00Z');

function load(dir: string) {
  return loadDataset(dir, {today: TODAY});
}

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = run(args, {stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), cwd});
  return {code, stdout, stderr};
}

const rules = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map((d) => d.rule))].sort();
const linesOf = (text: string, rule: string) => text.split('\n').filter((line) => line.includes(`: error [${rule}]`) || line.includes(`: warning [${rule}]`));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile input', () => {
  it('row 1: suggests nothing for a 1 MB lineage target, and quotes it shortened', () => {
    const {diagnostics} = load(writeHostileCase('a lineage target of 1 MB'));
    const found = diagnostics.filter((d) => d.rule === 'unknown-lineage-target');
    expect(found).toHaveLength(1);
    expect(found[0]!.message.length).toBeLessThan(300);
    expect(found[0]!.message).toContain('xxx…');
    expect(found[0]!.hint).not.toContain('Did you mean');
  });

  it('row 1: 4,000 unknown lineage targets and a long organization id are reported, output bounded per rule', () => {
    const dir = writeHostileCase('4,000 unknown lineage targets and an organization id of 200 KB');
    const {diagnostics} = load(dir);
    expect(diagnostics.filter((d) => d.rule === 'unknown-lineage-target')).toHaveLength(4000);
    expect(diagnostics.filter((d) => d.rule === 'unknown-organization')).toHaveLength(1);
    const text = formatDiagnostics(diagnostics, 'text', dir);
    expect(linesOf(text, 'unknown-lineage-target')).toHaveLength(MAX_REPORTED_PER_RULE);
    expect(text).toContain(`… and ${(4000 - MAX_REPORTED_PER_RULE).toLocaleString('en')} more [unknown-lineage-target] not shown`);
  });

  it('row 2: 125,000 duplicate keys give bounded diagnostics, no stack overflow', () => {
    const dir = writeHostileCase('125,000 duplicate keys');
    const result = cli(['validate', dir], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/\n\s+at /);
    expect(linesOf(result.stdout, 'yaml-syntax')).toHaveLength(MAX_REPORTED_PER_RULE);
    expect(result.stdout).toContain(`… and ${(124_999 - MAX_REPORTED_PER_RULE).toLocaleString('en')} more [yaml-syntax] not shown`);
  });

  it('row 3: 32,000 invalid aliases each get one positioned diagnostic', () => {
    const {diagnostics} = load(writeHostileCase('32,000 invalid aliases'));
    const aliases = diagnostics.filter((d) => d.file.endsWith('aliases.yaml'));
    expect(aliases).toHaveLength(32_000);
    expect(new Set(aliases.map((d) => d.column)).size).toBe(32_000);
    expect(aliases[0]!.message).toBe('"aliases[0]" has the wrong form.');
  });

  it('row 4: 5,000 models sharing one name: each message names a few places and counts the rest', () => {
    const dir = writeHostileCase('5,000 models sharing one name');
    const {diagnostics} = load(dir);
    const duplicates = diagnostics.filter((d) => d.rule === 'duplicate-name');
    expect(duplicates).toHaveLength(5000);
    expect(duplicates[0]!.message).toMatch(/^The name "Same" is also used by models\/same-1\.yaml:2:7, .* and 4,994 more\.$/);
    expect(Math.max(...duplicates.map((d) => d.message.length))).toBeLessThan(400);
    expect(formatDiagnostics(diagnostics, 'text', dir).length).toBeLessThan(100_000);
  });

  it('row 5: a data file linked to /dev/zero is refused before reading', () => {
    const dir = writeHostileCase('organizations.yaml linked to /dev/zero');
    const {diagnostics} = load(dir);
    expect(formatDiagnostics(diagnostics, 'text', dir)).toContain(
      'organizations.yaml:1:1: error [outside-data-folder] The file is a link to /dev/zero, outside the data folder.',
    );
  });

  it('row 5: a device, FIFO or folder inside the data folder is not read', () => {
    const dir = copyValidDataset();
    fs.mkdirSync(path.join(dir, 'models/folder.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'models/fifo.yaml')]);
    const text = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(text).toContain('models/folder.yaml:1:1: error [not-a-regular-file] This is a folder, not a file: the model it names is not read.');
    expect(text).toContain('models/fifo.yaml:1:1: error [not-a-regular-file] This is a FIFO, not a regular file: it is not read.');
  });

  it('row 6: text output escapes newlines and ANSI escapes in values', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/gpt.yaml': fs.readFileSync(path.join(dir, 'models/gpt.yaml'), 'utf8').replace('domain: nlp', 'domain: "x\\n::error file=a::forged\\e[31mred"')});
    const {stdout} = cli(['validate', dir], dir);
    expect(stdout).not.toMatch(/^::/m);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('"x\\n::error file=a::forged\\u001b[31mred" is not a term');
    const github = cli(['validate', dir, '--format', 'github'], dir).stdout;
    expect(github.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(github.split('\n').filter(Boolean).length);
    expect(github).not.toContain('\u001b');
    expect(github).toContain('x%0A::error file=a::forged');
  });

  it('row 6: the mentions report escapes control characters of page text', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'content/page.md': '# Evil \u001b[2J title\n\nBERT is here.\n'});
    const {stdout} = cli(['mentions', 'content', '--data', dir], dir);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('content/page.md: 1 "Evil \\u001b[2J title"');
  });

  it('row 9 and 14: lone surrogates and control characters are refused by validate, with their place', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {
      'models/gpt.yaml': fs
        .readFileSync(path.join(dir, 'models/gpt.yaml'), 'utf8')
        .replace('name: GPT', 'name: "GPT\\uD800"')
        .replace('summary: A decoder', 'summary: "A\\0 decoder\\e"\nx-summary: A decoder'),
      'models/raw.yaml': `${modelYaml('raw')}`.replace('A model.', 'A \u0000model\u001b.'),
    });
    const text = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(text).toContain('models/gpt.yaml:2:7: error [invalid-character] "name" holds a lone surrogate (\\ud800) at character 4.');
    expect(text).toContain('models/gpt.yaml:12:10: error [invalid-character] "summary" holds the control character U+0000 at character 2.');
    expect(text).toMatch(/models\/raw\.yaml:\d+:\d+: error \[(invalid-character|yaml-syntax)\]/);
  });

  it('row 10: an unreadable models/ folder or an unsearchable data folder is a diagnostic, not a stack trace', () => {
    const dir = copyValidDataset();
    const denied = (syscall: string, file: string) => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${file}'`), {code: 'EACCES', errno: -13, syscall, path: file});
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((file: fs.PathLike, options?: never) => {
      if (String(file).endsWith('models')) throw denied('scandir', String(file));
      return readdir(file, options);
    }) as typeof fs.readdirSync);
    const text = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(text).toContain('models:1:1: error [unreadable-file] The folder cannot be read: permission denied.');
    expect(text).not.toContain('[no-models]');
    vi.restoreAllMocks();

    const lstat = fs.lstatSync;
    vi.spyOn(fs, 'lstatSync').mockImplementation(((file: fs.PathLike, options?: never) => {
      if (String(file).endsWith('.yaml')) throw denied('lstat', String(file));
      return lstat(file, options);
    }) as typeof fs.lstatSync);
    const second = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(second).toContain('taxonomy.yaml:1:1: error [unreadable-file] The file cannot be read: permission denied.');
    expect(second).not.toContain('[missing-file]');
  });

  it('row 11: a lineage chain of 12,000 models is walked without recursion, and a long cycle is shortened', () => {
    const cycles = load(writeHostileCase('a lineage cycle through 12,000 models')).diagnostics.filter((d) => d.rule === 'lineage-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toMatch(/^Lineage forms a cycle of 12,000 models: chain-0 → chain-1 → .* → chain-0\.$/);
    expect(cycles[0]!.message.length).toBeLessThan(400);
  });

  it('row 11: a chain without a cycle loads', () => {
    const {dataset, diagnostics} = load(writeHostileCase('a lineage chain of 12,000 models'));
    expect(diagnostics).toEqual([]);
    expect(dataset?.models).toHaveLength(CHAIN_LENGTH + 3);
  });

  it('row 11: a taxonomy chain of 12,000 terms loads, and its deepest models are found without recursion', () => {
    const {dataset, diagnostics} = load(writeHostileCase('a taxonomy chain of 12,000 terms'));
    expect(diagnostics).toEqual([]);
    expect(dataset!.modelsWithTerm('domain', 'nlp', {deep: true})).toHaveLength(3);
    expect(dataset!.term('domain', `d${CHAIN_LENGTH - 1}`)?.parent).toBe(`d${CHAIN_LENGTH - 2}`);
  });

  it('row 11: a cycle of taxonomy terms is reported once per term, shortened', () => {
    const dir = copyValidDataset();
    const terms = Array.from({length: 50}, (_, i) => `    t${i}: {label: {en: T, zh-Hans: T}, description: X., parent: t${(i + 1) % 50}}`).join('\n');
    writeFiles(dir, {'taxonomy.yaml': fs.readFileSync(path.join(dir, 'taxonomy.yaml'), 'utf8').replace('  terms:\n', `  terms:\n${terms}\n`)});
    const cycles = load(dir).diagnostics.filter((d) => d.rule === 'term-cycle');
    expect(cycles).toHaveLength(50);
    expect(cycles[0]!.message).toBe('Term "domain/t0" is its own ancestor: t0 → t1 → t2 → … → t48 → t49 → t0.');
  });

  it('row 12: an alias with matchCase: false that collides with another model name ignoring case is an error naming both', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/gpt-like.yaml': modelYaml('gpt-like', {aliases: '[{name: gpt, matchCase: false}]'})});
    const text = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(text).toContain(
      'models/gpt-like.yaml:10:11: error [case-insensitive-name] The alias "gpt" matches ignoring case, so it also matches "GPT" of models/gpt.yaml:2:7.',
    );
    expect(text).toContain('models/gpt.yaml:2:7: error [case-insensitive-name] "GPT" is also matched, ignoring case, by the alias "gpt" of models/gpt-like.yaml:10:11.');
  });

  it('row 13: a model file linked inside the data folder is read; one linked outside is an error', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'drafts/extra.yaml': modelYaml('extra')});
    fs.symlinkSync('../drafts/extra.yaml', path.join(dir, 'models/extra.yaml'));
    const outside = copyValidDataset();
    writeFiles(outside, {'models/far.yaml': modelYaml('far')});
    fs.symlinkSync(path.join(outside, 'models/far.yaml'), path.join(dir, 'models/far.yaml'));
    fs.rmSync(path.join(dir, 'taxonomy.yaml'));
    fs.symlinkSync(path.join(outside, 'taxonomy.yaml'), path.join(dir, 'taxonomy.yaml'));
    const {diagnostics} = load(dir);
    const text = formatDiagnostics(diagnostics, 'text', dir);
    expect(text).toContain(`models/far.yaml:1:1: error [outside-data-folder] The file is a link to ${fs.realpathSync(path.join(outside, 'models/far.yaml'))}, outside the data folder.`);
    expect(text).toContain(`taxonomy.yaml:1:1: error [outside-data-folder]`);
    expect(text).not.toContain('Ignored');
    expect(rules(diagnostics)).toEqual(['outside-data-folder']);
    expect(cli(['validate', dir], dir).code).toBe(1);
  });

  it('row 15: parameters below one and years before 0100 are refused', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {
      'models/small.yaml': modelYaml('small', {sizes: "[{parameters: '0.4'}, {parameters: 0.5}, {parameters: 0.4B}, {parameters: '2.5'}]", released: '{date: 0099-05, basis: blog}'}),
    });
    const text = formatDiagnostics(load(dir).diagnostics, 'text', dir);
    expect(text).toContain('"sizes[0].parameters" "0.4" is not a positive parameter count.');
    expect(text).toContain('"sizes[1].parameters" 0.5 is not a positive parameter count.');
    expect(text).toContain('"sizes[3].parameters" "2.5" is not a positive parameter count.');
    expect(text).not.toContain('sizes[2]');
    expect(text).toContain('error [invalid-date] "released.date" "0099-05" is not a real date.');
  });

  it('row 18: reserved model ids and term ids are refused by validate', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/explorer.yaml': modelYaml('explorer'), 'models/timeline.yaml': modelYaml('timeline')});
    fs.appendFileSync(path.join(dir, 'taxonomy.yaml'), '');
    const taxonomy = fs.readFileSync(path.join(dir, 'taxonomy.yaml'), 'utf8').replace('    cv: {label', '    index: {label: {en: Index, zh-Hans: 索引}, description: X.}\n    cv: {label');
    writeFiles(dir, {'taxonomy.yaml': taxonomy});
    const result = cli(['validate', dir], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('models/explorer.yaml:1:1: error [reserved-id] The id "explorer" is reserved for a page of the atlas.');
    expect(result.stdout).toContain('models/timeline.yaml:1:1: error [reserved-id]');
    expect(result.stdout).toContain('taxonomy.yaml:5:5: error [reserved-id] The term id "index" is reserved for the facet\'s own page.');
  });
});
