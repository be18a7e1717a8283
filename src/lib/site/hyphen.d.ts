/** Types for the `hyphen` package's Danish patterns (it ships none). */
declare module 'hyphen/da/index.js' {
  /** Options of the hyphenation functions. */
  interface HyphenOptions {
    /** Words shorter than this are left whole, e.g. `14`. */
    minWordLength?: number;
    /** The character inserted at each break point, e.g. `"\u00AD"` (the default, a soft hyphen). */
    hyphenChar?: string;
    /** Words with their own break points marked by `-`, e.g. `["it-sik-ker-hed"]`. */
    exceptions?: string[];
  }
  const hyphen: { hyphenateSync(text: string, options?: HyphenOptions): string };
  export default hyphen;
}
