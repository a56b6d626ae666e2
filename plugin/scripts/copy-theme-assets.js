// Copies what tsc does not emit into lib/: the theme's CSS modules and its type declarations.
import fs from 'node:fs';
import path from 'node:path';

const src = new URL('../src/', import.meta.url);
const lib = new URL('../lib/', import.meta.url);
const copy = (relative) => {
  const target = new URL(relative, lib);
  fs.mkdirSync(path.dirname(target.pathname), {recursive: true});
  fs.copyFileSync(new URL(relative, src), target);
};
for (const file of fs.readdirSync(new URL('theme/', src), {recursive: true})) {
  if (String(file).endsWith('.css')) copy(`theme/${file}`);
}
copy('theme-model-atlas.d.ts');
