/**
 * The docs plugin gives every page of a version the version's metadata, including a title and description
 * of each of its docs (for doc cards). For the atlas that is a summary of every model and every term, loaded
 * by each atlas page and prefetched by every page linking to one. No atlas page shows doc cards: leave them out.
 */
import type {RouteConfig} from '@docusaurus/types';

interface VersionProps {
  readonly version: {readonly docs?: Readonly<Record<string, unknown>>};
}

const isVersionProps = (props: RouteConfig['props']): props is VersionProps & RouteConfig['props'] =>
  typeof props?.version === 'object' && props.version !== null && 'docs' in props.version;

/** `route` with no doc-card data in any version's metadata. Pure. */
export function withoutDocCards(route: RouteConfig): RouteConfig {
  const props = isVersionProps(route.props) ? {...route.props, version: {...route.props.version, docs: {}}} : route.props;
  return {...route, ...(props === undefined ? {} : {props}), ...(route.routes ? {routes: route.routes.map(withoutDocCards)} : {})};
}
