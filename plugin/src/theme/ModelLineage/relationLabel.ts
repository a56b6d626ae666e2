/** The translated label of a lineage relation, shared by the lineage list and the family tree. */
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelLineage';

type Relation = Props['parents'][number]['relation'];

export function relationLabel(relation: Relation): string {
  switch (relation) {
    case 'builds-on':
      return translate({id: 'modelAtlas.relation.buildsOn', message: 'builds on'});
    case 'fine-tuned-from':
      return translate({id: 'modelAtlas.relation.fineTunedFrom', message: 'fine-tuned from'});
    case 'instruction-tuned-from':
      return translate({id: 'modelAtlas.relation.instructionTunedFrom', message: 'instruction-tuned from'});
    case 'distilled-from':
      return translate({id: 'modelAtlas.relation.distilledFrom', message: 'distilled from'});
    case 'compressed-from':
      return translate({id: 'modelAtlas.relation.compressedFrom', message: 'compressed from'});
    case 'continued-from':
      return translate({id: 'modelAtlas.relation.continuedFrom', message: 'continued from'});
    case 'successor-of':
      return translate({id: 'modelAtlas.relation.successorOf', message: 'successor of'});
    case 'variant-of':
      return translate({id: 'modelAtlas.relation.variantOf', message: 'variant of'});
    case 'uses-component':
      return translate({id: 'modelAtlas.relation.usesComponent', message: 'uses a component of'});
  }
}
