/** ISO/IEC 27001:2022 Annex A: the control catalogue, the vocabulary of the `controls` field (here, beside the schemas that validate against it) and the rows of the Statement of Applicability. */

/** One Annex A control: its id, theme and short Danish title. */
export interface AnnexAControl {
  /** Control id, e.g. `5.1`. */
  id: string;
  /** Theme number, e.g. `5` (organisational). */
  theme: 5 | 6 | 7 | 8;
  /** Short title, e.g. `Politikker for informationssikkerhed`. */
  title: string;
}

/** Short titles per theme in Annex A order: the n-th title is control `<theme>.<n>`. */
const TITLES: Record<5 | 6 | 7 | 8, readonly string[]> = {
  5: [
    'Politikker for informationssikkerhed',
    'Roller og ansvar for informationssikkerhed',
    'Funktionsadskillelse',
    'Ledelsens ansvar',
    'Kontakt med myndigheder',
    'Kontakt med særlige interessegrupper',
    'Trusselsefterretninger',
    'Informationssikkerhed i projektledelse',
    'Fortegnelse over information og andre tilknyttede aktiver',
    'Acceptabel brug af information og andre tilknyttede aktiver',
    'Returnering af aktiver',
    'Klassifikation af information',
    'Mærkning af information',
    'Overførsel af information',
    'Adgangsstyring',
    'Identitetsstyring',
    'Autentifikationsinformation',
    'Adgangsrettigheder',
    'Informationssikkerhed i leverandørforhold',
    'Håndtering af informationssikkerhed i leverandøraftaler',
    'Styring af informationssikkerhed i IKT-forsyningskæden',
    'Overvågning, gennemgang og ændringsstyring af leverandørydelser',
    'Informationssikkerhed ved brug af cloudtjenester',
    'Planlægning og forberedelse af styring af informationssikkerhedshændelser',
    'Vurdering af og beslutning om informationssikkerhedshændelser',
    'Håndtering af informationssikkerhedshændelser',
    'Læring af informationssikkerhedshændelser',
    'Indsamling af bevismateriale',
    'Informationssikkerhed under forstyrrelser',
    'IKT-parathed med henblik på forretningskontinuitet',
    'Lovmæssige, lovbestemte, regulatoriske og kontraktlige krav',
    'Immaterielle rettigheder',
    'Beskyttelse af optegnelser',
    'Privatlivets fred og beskyttelse af personoplysninger',
    'Uafhængig gennemgang af informationssikkerhed',
    'Overensstemmelse med politikker, regler og standarder for informationssikkerhed',
    'Dokumenterede driftsprocedurer',
  ],
  6: [
    'Screening',
    'Ansættelsesvilkår',
    'Bevidsthed om, uddannelse og træning i informationssikkerhed',
    'Disciplinære foranstaltninger',
    'Ansvar efter ansættelsesforholdets ophør eller ændring',
    'Fortroligheds- eller hemmeligholdelsesaftaler',
    'Fjernarbejde',
    'Rapportering af informationssikkerhedshændelser',
  ],
  7: [
    'Fysiske perimetre',
    'Fysisk adgangskontrol',
    'Sikring af kontorer, lokaler og faciliteter',
    'Fysisk sikkerhedsovervågning',
    'Beskyttelse mod fysiske og miljømæssige trusler',
    'Arbejde i sikre områder',
    'Ryddeligt skrivebord og blank skærm',
    'Placering og beskyttelse af udstyr',
    'Sikkerhed for aktiver uden for organisationens lokaler',
    'Lagringsmedier',
    'Forsyningsinstallationer',
    'Sikring af kabler',
    'Vedligeholdelse af udstyr',
    'Sikker bortskaffelse eller genbrug af udstyr',
  ],
  8: [
    'Slutbrugerudstyr',
    'Privilegerede adgangsrettigheder',
    'Begrænsning af adgang til information',
    'Adgang til kildekode',
    'Sikker autentifikation',
    'Kapacitetsstyring',
    'Beskyttelse mod malware',
    'Styring af tekniske sårbarheder',
    'Konfigurationsstyring',
    'Sletning af information',
    'Datamaskering',
    'Forebyggelse af datalæk',
    'Backup af information',
    'Redundans i informationsbehandlingsfaciliteter',
    'Logning',
    'Overvågningsaktiviteter',
    'Tidssynkronisering',
    'Brug af privilegerede hjælpeprogrammer',
    'Installation af software på driftssystemer',
    'Netværkssikkerhed',
    'Sikkerhed i netværkstjenester',
    'Opdeling af netværk',
    'Webfiltrering',
    'Brug af kryptografi',
    'Sikker udviklingslivscyklus',
    'Krav til applikationssikkerhed',
    'Principper for sikker systemarkitektur og -udvikling',
    'Sikker kodning',
    'Sikkerhedstest under udvikling og accept',
    'Outsourcet udvikling',
    'Adskillelse af udviklings-, test- og driftsmiljøer',
    'Ændringsstyring',
    'Testinformation',
    'Beskyttelse af informationssystemer under revisionstest',
  ],
};

/** The four Annex A themes with Danish names and their sizes. */
export const ANNEX_A_THEMES = [
  { theme: 5, name: 'Organisatoriske foranstaltninger', count: TITLES[5].length },
  { theme: 6, name: 'Personrelaterede foranstaltninger', count: TITLES[6].length },
  { theme: 7, name: 'Fysiske foranstaltninger', count: TITLES[7].length },
  { theme: 8, name: 'Teknologiske foranstaltninger', count: TITLES[8].length },
] as const;

/** Theme number of an Annex A theme. */
export type AnnexATheme = (typeof ANNEX_A_THEMES)[number]['theme'];

/** Every Annex A control with theme and title, in catalogue order: 93 in all. */
export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = ANNEX_A_THEMES.flatMap(({ theme }) =>
  TITLES[theme].map((title, i) => ({ id: `${theme}.${i + 1}`, theme, title })),
);

/** Every Annex A control id, `5.1` to `8.34`: 93 in all. */
export const ANNEX_A_IDS: readonly string[] = ANNEX_A_CONTROLS.map((c) => c.id);

const BY_ID = new Map(ANNEX_A_CONTROLS.map((c) => [c.id, c]));

/** True when `id` is a real Annex A control id. */
export function isAnnexAControl(id: string): boolean {
  return BY_ID.has(id);
}

/** The Annex A control with this id, if it is one. */
export function annexAControl(id: string): AnnexAControl | undefined {
  return BY_ID.get(id);
}

/** Sorts control ids numerically (5.2 before 5.10), own measures last and by their number (DST-2 before DST-10). */
export function compareControlIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  const na = pa.some(Number.isNaN);
  const nb = pb.some(Number.isNaN);
  if (na || nb) return na && nb ? a.localeCompare(b, 'da', { numeric: true }) : na ? 1 : -1;
  return pa[0]! - pb[0]! || pa[1]! - pb[1]!;
}
