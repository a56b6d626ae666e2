import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import type {Props} from '@theme/ModelStructuredData';

/** JSON for a script element: `<`, `>`, `&` and the JavaScript line separators as escapes, so no data can close it. */
const scriptJson = (data: unknown) => JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** schema.org JSON-LD and Google Scholar's `citation_*` tags in the page head; React escapes the tags' attribute values. */
export default function ModelStructuredData({data, meta = []}: Props): ReactNode {
  return (
    <Head>
      <script type="application/ld+json">{scriptJson(data)}</script>
      {meta.map(([name, content], index) => (
        <meta key={index} name={name} content={content} />
      ))}
    </Head>
  );
}
