import {useEffect, useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useHistory, useLocation} from '@docusaurus/router';
import {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {Props} from '@theme/ModelExplorer';
import {formatParameterCount} from '../../data/values.js';
import styles from './styles.module.css';

type Labels = Readonly<Record<string, string>>;
interface ExplorerModel {
  id: string;
  name: string;
  permalink: string;
  domain: string;
  architecture: string;
  objectives: string[];
  organizations: string[];
  released: {date: string; year: number};
  sizes: {parameters?: number}[];
  names: {text: string}[];
  survey?: {section?: string};
}
interface ExplorerData {
  models: ExplorerModel[];
  facets: {id: string; label: Labels; terms: {id: string; label: Labels}[]}[];
  organizations: {id: string; name: string}[];
}

const FILTERS = ['domain', 'architecture', 'objective', 'organization', 'year', 'survey'] as const;
/** Filters that are not also table columns. */
const FILTER_ONLY: ReadonlySet<string> = new Set(['year', 'survey']);
const SURVEY_TERMS = ['covered', 'after'] as const;
type Filter = (typeof FILTERS)[number];
const SORTS = ['name', 'released', 'parameters'] as const;
type Sort = (typeof SORTS)[number];

function termsOf(model: ExplorerModel, filter: Filter): readonly string[] {
  switch (filter) {
    case 'objective':
      return model.objectives;
    case 'organization':
      return model.organizations;
    case 'year':
      return [String(model.released.year)];
    case 'survey':
      return [model.survey ? SURVEY_TERMS[0] : SURVEY_TERMS[1]];
    default:
      return [model[filter]];
  }
}

const maxParameters = (model: ExplorerModel) => Math.max(0, ...model.sizes.map((size) => size.parameters ?? 0));

function filterLabel(filter: Filter): string {
  switch (filter) {
    case 'domain':
      return translate({id: 'modelAtlas.explorer.domain', message: 'Domain'});
    case 'architecture':
      return translate({id: 'modelAtlas.explorer.architecture', message: 'Architecture'});
    case 'objective':
      return translate({id: 'modelAtlas.explorer.objective', message: 'Objective'});
    case 'organization':
      return translate({id: 'modelAtlas.explorer.organization', message: 'Organization'});
    case 'year':
      return translate({id: 'modelAtlas.explorer.year', message: 'Year'});
    case 'survey':
      return translate({id: 'modelAtlas.explorer.survey', message: 'Survey'});
  }
}

function sortLabel(sort: Sort): string {
  switch (sort) {
    case 'name':
      return translate({id: 'modelAtlas.explorer.name', message: 'Name'});
    case 'released':
      return translate({id: 'modelAtlas.explorer.released', message: 'Released'});
    case 'parameters':
      return translate({id: 'modelAtlas.explorer.parameters', message: 'Parameters'});
  }
}

/**
 * Filter state lives in the query string so that a view can be shared. One update may change several keys:
 * each is applied to the same URL, so that none is lost (two updates from one render would both start
 * from the old URL, and the second would undo the first).
 */
function useQueryState(): [URLSearchParams, (changes: Readonly<Record<string, string>>) => void] {
  const location = useLocation();
  const history = useHistory();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = (changes: Readonly<Record<string, string>>) => {
    const next = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const search = next.toString();
    history.replace({...location, search: search ? `?${search}` : ''});
  };
  return [params, set];
}

const formatCount = (count: number): string => (count === 0 ? '' : formatParameterCount(count));

export default function ModelExplorer({dataUrl}: Props): ReactNode {
  const url = useBaseUrl(dataUrl);
  const {i18n} = useDocusaurusContext();
  const [data, setData] = useState<ExplorerData | undefined>();
  const [failed, setFailed] = useState(false);
  const [params, setParams] = useQueryState();

  useEffect(() => {
    fetch(url)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
      .then(setData, () => setFailed(true));
  }, [url]);

  const labels = useMemo(() => {
    const label = (labels: Labels) => labels[i18n.currentLocale] ?? labels.en ?? '';
    const map = new Map<string, string>();
    for (const facet of data?.facets ?? []) for (const term of facet.terms) map.set(`${facet.id}:${term.id}`, label(term.label));
    for (const org of data?.organizations ?? []) map.set(`organization:${org.id}`, org.name);
    map.set('survey:covered', translate({id: 'modelAtlas.explorer.survey.covered', message: 'In the survey'}));
    map.set('survey:after', translate({id: 'modelAtlas.explorer.survey.after', message: 'Not in the survey'}));
    return map;
  }, [data, i18n.currentLocale]);
  const termLabel = (filter: Filter, id: string) => labels.get(`${filter}:${id}`) ?? id;

  const query = (params.get('q') ?? '').toLowerCase();
  const sort: Sort = SORTS.find((s) => s === params.get('sort')) ?? 'released';
  const descending = params.get('order') !== 'asc';
  const rows = useMemo(() => {
    const models = (data?.models ?? []).filter(
      (model) =>
        FILTERS.every((filter) => !params.get(filter) || termsOf(model, filter).includes(params.get(filter)!)) &&
        (!query || model.names.some((name) => name.text.toLowerCase().includes(query))),
    );
    const key = (model: ExplorerModel): string | number => (sort === 'name' ? model.name.toLowerCase() : sort === 'parameters' ? maxParameters(model) : model.released.date);
    return models.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
  }, [data, params, query, sort, descending]);

  if (failed) {
    return <p>{translate({id: 'modelAtlas.explorer.failed', message: 'The model list could not be loaded.'})}</p>;
  }
  if (!data) {
    return (
      <p>
        {translate({id: 'modelAtlas.explorer.loading', message: 'Loading the models…'})} <a href={url}>models.json</a>
      </p>
    );
  }
  const options = (filter: Filter) => [...new Set(data.models.flatMap((model) => termsOf(model, filter)))].sort((a, b) => termLabel(filter, a).localeCompare(termLabel(filter, b)));
  const sortButton = (column: Sort) => (
    <button
      type="button"
      className={styles.sort}
      onClick={() => {
        setParams({sort: column, order: sort === column && descending ? 'asc' : ''});
      }}
    >
      {sortLabel(column)}
      {sort === column ? (descending ? ' ▼' : ' ▲') : ''}
    </button>
  );
  const ariaSort = (column: Sort) => (sort === column ? (descending ? 'descending' : 'ascending') : undefined);
  return (
    <div className={styles.explorer}>
      <div className={styles.controls}>
        <label>
          {translate({id: 'modelAtlas.explorer.search', message: 'Search'})}
          <input type="search" value={params.get('q') ?? ''} onChange={(event) => setParams({q: event.target.value})} />
        </label>
        {FILTERS.map((filter) => (
          <label key={filter}>
            {filterLabel(filter)}
            <select value={params.get(filter) ?? ''} onChange={(event) => setParams({[filter]: event.target.value})}>
              <option value="">{translate({id: 'modelAtlas.explorer.all', message: 'All'})}</option>
              {options(filter).map((term) => (
                <option key={term} value={term}>
                  {termLabel(filter, term)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p role="status">{translate({id: 'modelAtlas.explorer.count', message: '{count} of {total} models'}, {count: rows.length, total: data.models.length})}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th aria-sort={ariaSort('name')}>{sortButton('name')}</th>
            <th aria-sort={ariaSort('released')}>{sortButton('released')}</th>
            {FILTERS.filter((filter) => !FILTER_ONLY.has(filter)).map((filter) => (
              <th key={filter}>{filterLabel(filter)}</th>
            ))}
            <th aria-sort={ariaSort('parameters')}>{sortButton('parameters')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((model) => (
            <tr key={model.id}>
              <td>
                <Link to={model.permalink}>{model.name}</Link>
              </td>
              <td>{model.released.date}</td>
              {FILTERS.filter((filter) => !FILTER_ONLY.has(filter)).map((filter) => (
                <td key={filter}>{termsOf(model, filter).map((id) => termLabel(filter, id)).join(', ')}</td>
              ))}
              <td>{formatCount(maxParameters(model))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
