import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import type {Props} from '@theme/ModelStructuredData';

/**
 * schema.org JSON-LD and Google Scholar's `citation_*` tags in the page head; `json` arrives serialised
 * with `<`, `>` and `&` escaped, and React escapes the attribute values of the tags.
 */
export default function ModelStructuredData({json, meta = []}: Props): ReactNode {
  return (
    <Head>
      <script type="application/ld+json">{json}</script>
      {meta.map(({name, content}, index) => (
        <meta key={index} name={name} content={content} />
      ))}
    </Head>
  );
}
