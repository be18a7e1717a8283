import type { DocumentType, Edition } from '../../schemas/settings.ts';
import type { ReviewStatus } from '../review/status.ts';
import { da } from '../../strings/da.ts';
import { mainIndexParts, PAGEFIND_DIR, PAGEFIND_EN_DIR, PAGEFIND_PART_DIR } from '../build/index-plan.ts';

/** The facts of a document that become search filters. */
export interface FilterFacts {
  type: DocumentType;
  owner: string;
  approvalBody: string;
  review?: ReviewStatus;
  draft?: boolean;
}

/** Filter name → value of one document; names and values are Danish because the search page is. */
export function searchFilters(facts: FilterFacts, edition: Edition): Record<string, string> {
  const names = da.searchPage.filters;
  const filters: Record<string, string> = {
    [names.type]: da.typeNames[facts.type],
    [names.owner]: facts.owner,
    [names.approvalBody]: facts.approvalBody,
  };
  // Review status is an internal working fact: the public edition does not offer it as a filter.
  if (edition === 'intranet') {
    const status = facts.draft ? da.draftLabel : facts.review ? da.review[facts.review] : undefined;
    if (status) filters[names.review] = status;
  }
  return filters;
}

/**
 * Pagefind attributes for an element carrying the filters: each value sits in its own data attribute and
 * `data-pagefind-filter` names them as `name[attribute]`, so commas or colons in an owner's name need no escaping.
 */
export function pagefindFilterAttributes(filters: Record<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  const refs: string[] = [];
  Object.entries(filters).forEach(([name, value], i) => {
    attributes[`data-filter-${i}`] = value;
    refs.push(`${name}[data-filter-${i}]`);
  });
  attributes['data-pagefind-filter'] = refs.join(', ');
  return attributes;
}

/** The Pagefind bundles the search page searches, below the edition's base path. */
export interface SearchBundles {
  /** The main (Danish) index, e.g. `pagefind/`. */
  main: string;
  /** The second half of a large edition's main index, merged into every search, e.g. `pagefind/del-2/`. */
  part?: string;
  /** The English documents' bundle, merged into every search, e.g. `pagefind/en/`. */
  english?: string;
}

/** The bundles of an edition of `documents` documents, English ones among them or not (`index-plan.ts` decides). */
export function searchBundles(documents: number, hasEnglish: boolean): SearchBundles {
  return {
    main: `${PAGEFIND_DIR}/`,
    part: mainIndexParts(documents) === 2 ? `${PAGEFIND_PART_DIR}/` : undefined,
    english: hasEnglish ? `${PAGEFIND_EN_DIR}/` : undefined,
  };
}
