import type { Strings } from './da.ts';

type Widen<T> = T extends (...args: infer A) => infer R ? (...args: A) => Widen<R> : T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** English UI text for `lang: en` documents. */
export const en: Widen<Strings> = {
  lang: 'en',
  editions: { intranet: 'Intranet', public: 'Public edition' },
  skipToContent: 'Skip to content',
  home: 'Home',
  navigation: 'Handbook contents',
  menu: 'Menu',
  search: 'Search',
  searchLabel: 'Search the handbook',
  breadcrumbs: 'Breadcrumbs',
  onThisPage: 'On this page',
  previous: 'Previous',
  next: 'Next',
  documents: 'documents',
  document: 'document',
  typeNames: {
    politik: 'Policy',
    retningslinje: 'Guideline',
    forretningsgang: 'Business procedure',
    procedure: 'Procedure',
    beredskabsplan: 'Contingency plan',
    bilag: 'Annex',
  },
  typePlural: {
    politik: 'Policies',
    retningslinje: 'Guidelines',
    forretningsgang: 'Business procedures',
    procedure: 'Procedures',
    beredskabsplan: 'Contingency plans',
    bilag: 'Annexes',
  },
  meta: {
    heading: 'About this document',
    type: 'Type',
    owner: 'Owner',
    approvalBody: 'Approved by',
    approvedOn: 'Approved',
    nextReview: 'Next review',
    version: 'Version',
    controls: 'ISO 27001 controls',
    lastChanged: 'Last changed',
    unknown: 'unknown',
    status: 'Status',
  },
  review: {
    current: 'Current',
    'due-soon': 'Review due soon',
    overdue: 'Review overdue',
    overdueBanner: (date: string) =>
      `This document should have been reviewed by ${date}. It may be out of date; contact its owner before acting on it.`,
    dueSoonBanner: (date: string) => `This document is due for review by ${date}.`,
    changedBanner: 'The text of this document has changed since it was approved. The changes are not yet approved.',
    draftBanner: 'Draft: this document is not approved and does not apply yet.',
  },
  homeIntro: {
    intranet: 'The handbook holds the information security policies, guidelines, procedures and contingency plans.',
    public: 'The parts of our information security handbook that are of interest outside the organisation.',
  },
  needsReview: 'Documents due for review',
  noDocuments: 'There are no documents in this edition yet.',
  draftLabel: 'draft',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page does not exist or has moved. Go to the home page and find the document in the contents.',
  footer: {
    accessibility: 'Accessibility statement',
    built: (date: string) => `Published ${date}.`,
  },
};
