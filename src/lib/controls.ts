/** ISO/IEC 27001:2022 Annex A control ids: the four themes and their sizes. */
export const ANNEX_A_THEMES = [
  { theme: 5, name: 'Organisatoriske foranstaltninger', count: 37 },
  { theme: 6, name: 'Personrelaterede foranstaltninger', count: 8 },
  { theme: 7, name: 'Fysiske foranstaltninger', count: 14 },
  { theme: 8, name: 'Teknologiske foranstaltninger', count: 34 },
] as const;

/** Every Annex A control id, `5.1` to `8.34`: 93 in all. */
export const ANNEX_A_IDS: readonly string[] = ANNEX_A_THEMES.flatMap(({ theme, count }) =>
  Array.from({ length: count }, (_, i) => `${theme}.${i + 1}`),
);

const ANNEX_A_SET = new Set(ANNEX_A_IDS);

/** True when `id` is a real Annex A control id. */
export function isAnnexAControl(id: string): boolean {
  return ANNEX_A_SET.has(id);
}

/** Sorts control ids numerically (5.2 before 5.10), own measures last. */
export function compareControlIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.some(Number.isNaN) || pb.some(Number.isNaN)) return a.localeCompare(b, 'da');
  return (pa[0]! - pb[0]!) || (pa[1]! - pb[1]!);
}
