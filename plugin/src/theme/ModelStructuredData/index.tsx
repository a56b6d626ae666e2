import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import type {Props} from '@theme/ModelStructuredData';

/** schema.org JSON-LD in the page head; `json` arrives serialised with `<`, `>` and `&` escaped. */
export default function ModelStructuredData({json}: Props): ReactNode {
  return (
    <Head>
      <script type="application/ld+json">{json}</script>
    </Head>
  );
}
