/** The Markdown pages of a site's content plugins (docs, blog, pages), with their files and permalinks. */
import path from 'node:path';

export interface ContentPage {
  /** Absolute path of the source file. */
  readonly file: string;
  readonly permalink: string;
  /** Label of the docs version, when the docs instance has several versions. */
  readonly version?: string;
}

interface Metadata {
  readonly source?: string;
  readonly permalink?: string;
}

/** Metadata, and the label of its docs version when there are several. */
type Located = Metadata & {readonly versionLabel?: string};

/** Docusaurus content of every plugin, by plugin name and id (`allContent`). */
type AllContent = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function metadataOf(pluginName: string, content: unknown): readonly Located[] {
  switch (pluginName) {
    case 'docusaurus-plugin-content-docs': {
      const {loadedVersions} = content as {loadedVersions: {label?: string; docs: Metadata[]}[]};
      const labelled = loadedVersions.length > 1;
      return loadedVersions.flatMap((version) => version.docs.map((doc) => (labelled && version.label !== undefined ? {...doc, versionLabel: version.label} : doc)));
    }
    case 'docusaurus-plugin-content-blog':
      return (content as {blogPosts: {metadata: Metadata}[]}).blogPosts.map((post) => post.metadata);
    case 'docusaurus-plugin-content-pages':
      return (content as (Metadata & {type: string})[]).filter((page) => page.type === 'mdx');
    default:
      return [];
  }
}

/** Resolves `@site/…` sources; keeps Markdown and MDX files only. */
export function contentPages(allContent: AllContent, siteDir: string): ContentPage[] {
  return Object.entries(allContent).flatMap(([pluginName, instances]) =>
    Object.values(instances).flatMap((content) =>
      content == null
        ? []
        : metadataOf(pluginName, content).flatMap(({source, permalink, versionLabel}) =>
            source && permalink && /\.mdx?$/.test(source)
              ? [{file: path.resolve(siteDir, source.replace(/^@site\//, '')), permalink, ...(versionLabel === undefined ? {} : {version: versionLabel})}]
              : [],
          ),
    ),
  );
}
