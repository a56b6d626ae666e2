import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkModelLinks from 'docusaurus-plugin-model-atlas/remark';
import {computeStats, loadDatasetOrThrow} from 'docusaurus-plugin-model-atlas/data';

const DATA = '../data';
// Live figures for the home page; the dataset itself never goes into global data.
const {dataset} = loadDatasetOrThrow(DATA);
const stats = computeStats(dataset);
const modelLinks = [remarkModelLinks, {data: DATA}];

const config: Config = {
  title: 'PFM Atlas',
  tagline: 'Pretrained foundation models, from BERT to ChatGPT',
  url: 'https://pfm-atlas.example.org',
  baseUrl: '/',
  favicon: 'img/favicon.svg',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},
  future: {v4: true},
  customFields: {atlas: {models: stats.models, years: stats.years, domains: stats.facets.domain}},
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hans'],
    localeConfigs: {'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'}},
  },
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'notes',
          routeBasePath: 'notes',
          sidebarPath: './sidebars/notes.ts',
          lastVersion: 'current',
          versions: {current: {label: 'Current'}, '1.0': {label: 'Survey v1'}},
          remarkPlugins: [modelLinks],
        },
        blog: {showReadingTime: true, remarkPlugins: [modelLinks], onInlineAuthors: 'throw'},
        pages: {remarkPlugins: [modelLinks]},
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    // The sidebar lists the overview and facet pages only: every atlas page loads it, and it names no model.
    ['docusaurus-plugin-model-atlas', {path: DATA, sidebar: 'pages', editUrl: 'https://github.com/model-atlas/model-atlas/edit/main/data'}],
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'course',
        path: 'course',
        routeBasePath: 'course',
        sidebarPath: './sidebars/course.ts',
        remarkPlugins: [modelLinks],
      },
    ],
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en', 'zh'],
        docsDir: ['notes', 'course'],
        docsRouteBasePath: ['notes', 'course', 'models'],
        indexBlog: true,
        highlightSearchTermsOnTargetPage: false,
      },
    ],
  ],
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'PFM Atlas',
      logo: {alt: 'PFM Atlas logo', src: 'img/favicon.svg'},
      items: [
        {to: '/models', label: 'Atlas', position: 'left'},
        {type: 'docSidebar', sidebarId: 'notes', label: 'Survey notes', position: 'left'},
        {type: 'docSidebar', sidebarId: 'course', docsPluginId: 'course', label: 'Course', position: 'left'},
        {to: '/blog', label: 'Blog', position: 'left'},
        {type: 'docsVersionDropdown', position: 'right'},
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'PFM Atlas. Summaries are original writing under CC BY 4.0. Built with Docusaurus and Model Atlas.',
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
