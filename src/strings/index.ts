import { da, type Strings } from './da.ts';
import { en } from './en.ts';

/** The UI strings for a language. */
export function strings(lang: 'da' | 'en' = 'da'): Strings {
  return (lang === 'en' ? en : da) as Strings;
}
