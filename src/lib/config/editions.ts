import type { Frontmatter } from '../../schemas/frontmatter.ts';
import type { Edition } from '../../schemas/settings.ts';

/** Options that change which documents an edition holds. */
export interface EditionOptions {
  /** Include drafts (intranet only), e.g. for pull-request previews. */
  drafts: boolean;
}

/** Whether a document belongs in an edition: default-deny, public only when it says so. */
export function inEdition(data: Pick<Frontmatter, 'status' | 'audience'>, edition: Edition, options: EditionOptions): boolean {
  if (data.status === 'retired') return false;
  if (edition === 'public') return data.status === 'approved' && data.audience === 'public';
  return data.status === 'approved' || (options.drafts && data.status === 'draft');
}

/** Both editions in build order. */
export const EDITIONS: readonly Edition[] = ['intranet', 'public'];
