/** Debian's Sphinx (`python3-sphinx`), run for real against the inventory of a built fixture site. */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The first Python that imports Sphinx: Debian's, then whatever `python3` is on the PATH. */
export function findSphinxPython(): string {
  const found = ['/usr/bin/python3', 'python3'].find((python) => spawnSync(python, ['-c', 'import sphinx'], {stdio: 'ignore'}).status === 0);
  if (!found) throw new Error("Sphinx is not installed. Install Debian's package: apt-get install python3-sphinx (.ci/run does).");
  return found;
}

function run(python: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(python, args, {cwd, encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`${python} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Builds a one-page Sphinx project whose `intersphinx_mapping` points at an atlas (its base URL and the
 * local path of its `objects.inv`), with `rst` as the page body; returns the HTML of the page. Nitpicky and
 * warnings as errors: a reference that does not resolve fails the build.
 */
export function buildSphinxPage(inventoryFile: string, baseUrl: string, rst: string): string {
  const python = findSphinxPython();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-sphinx-'));
  fs.mkdirSync(path.join(dir, 'src'));
  const conf = [
    "project = 'Reader'",
    "extensions = ['sphinx.ext.intersphinx']",
    `intersphinx_mapping = {'atlas': (${JSON.stringify(baseUrl)}, ${JSON.stringify(inventoryFile)})}`,
    '',
    'def setup(app):',
    "    app.add_object_type('model', 'model')",
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'src', 'conf.py'), conf);
  fs.writeFileSync(path.join(dir, 'src', 'index.rst'), `Reader\n======\n\n${rst}\n`);
  run(python, ['-m', 'sphinx', '-b', 'html', '-n', '-W', '-q', 'src', 'out'], dir);
  return fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
}

/** Every entry of an `objects.inv` as Sphinx's own reader loads it: `{'std:model': {name: [project, version, uri, dispname]}}`. */
export function loadInventoryWithSphinx(inventoryFile: string, baseUrl: string): Record<string, Record<string, [string, string, string, string]>> {
  const script = [
    'import json, posixpath, sys',
    'from sphinx.util.inventory import InventoryFile',
    "with open(sys.argv[1], 'rb') as stream:",
    '    inventory = InventoryFile.load(stream, sys.argv[2], posixpath.join)',
    'print(json.dumps(inventory))',
  ].join('\n');
  return JSON.parse(run(findSphinxPython(), ['-c', script, inventoryFile, baseUrl], os.tmpdir()));
}
