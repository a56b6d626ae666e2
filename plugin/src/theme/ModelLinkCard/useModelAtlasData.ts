import useGlobalData from '@docusaurus/useGlobalData';

export interface ModelAtlasData {
  readonly routeBasePath: string;
  readonly reserved: readonly string[];
  readonly cardShards: number;
}

/** The atlas settings that the composed docs instance adds to its global data. */
export function useModelAtlasData(): ModelAtlasData | undefined {
  const docsInstances = (useGlobalData()['docusaurus-plugin-content-docs'] ?? {}) as Record<string, {modelAtlas?: ModelAtlasData}>;
  return Object.values(docsInstances).find((data) => data.modelAtlas)?.modelAtlas;
}

/** The model id a link points to, if it is a model page of the atlas. */
export function modelIdOf(href: string | undefined, atlas: ModelAtlasData | undefined, baseUrl: string): string | undefined {
  if (!href || !atlas) return undefined;
  const path = href.startsWith(baseUrl) ? `/${href.slice(baseUrl.length)}` : href;
  const match = new RegExp(`^/${atlas.routeBasePath}/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:#.*)?$`).exec(path);
  return match && !atlas.reserved.includes(match[1]!) ? match[1] : undefined;
}
