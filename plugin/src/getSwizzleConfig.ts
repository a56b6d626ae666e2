/** Which theme components of Model Atlas can be swizzled, and how safely. */
import type {SwizzleConfig} from '@docusaurus/types';

export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      ModelFacts: {actions: {eject: 'safe', wrap: 'safe'}, description: 'The facts box at the top of a model page'},
      ModelLineage: {actions: {eject: 'safe', wrap: 'safe'}, description: 'The typed lineage list and diagram of a model page'},
      ModelPage: {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'A model page in page mode (modelPages: routes); its data module format may change',
      },
      'ModelPage/HastContent': {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'The Markdown sections of a model page in page mode, rendered from an HTML tree through MDXComponents',
      },
      ModelTimeline: {actions: {eject: 'safe', wrap: 'safe'}, description: 'The timeline of models by year and domain'},
      ModelFamilyTree: {actions: {eject: 'safe', wrap: 'safe'}, description: 'The lineage graph of every model, with filters and zoom'},
      ModelScaleChart: {actions: {eject: 'safe', wrap: 'safe'}, description: 'Parameters (log scale) against release date, on the timeline page'},
      ModelGraph: {actions: {eject: 'safe', wrap: 'safe'}, description: 'A lineage graph laid out at build time, with its legends (family tree, model pages)'},
      ModelLinkCard: {actions: {eject: 'safe', wrap: 'safe'}, description: 'The hover card shown on links to model pages'},
      ModelExplorer: {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'The sortable, filterable table of every model; its URL state format may change',
      },
      ModelStructuredData: {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'The JSON-LD and citation meta tags of a model page; ejecting it risks unescaped script content',
      },
      'DocBreadcrumbs/StructuredData': {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'The breadcrumb JSON-LD of the classic theme, with script content escaped',
      },
      'MDXComponents/A': {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description: 'Links in Markdown, enhanced with hover cards for model pages',
      },
    },
  };
}
