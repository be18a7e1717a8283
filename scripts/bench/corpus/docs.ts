/** Plans the synthetic documents (metadata, links) and renders each as MDX with frontmatter. */
import { createRandom, deriveSeed, type Random } from './random.ts';
import { ACTIVITIES, OWNERS, SECTION_HEADINGS } from './danish.ts';
import { bulletList, capitalise, compound, countWords, paragraph, responsibilityTable, stepList, subheading } from './text.ts';

/** A section folder, its document type, the title prefix of that type and its share of the documents. */
const SECTIONS = [
  { folder: 'politikker', title: 'Politikker', type: 'politik', prefix: 'Politik for', share: 0.03 },
  { folder: 'retningslinjer', title: 'Retningslinjer', type: 'retningslinje', prefix: 'Retningslinje for', share: 0.35 },
  { folder: 'forretningsgange', title: 'Forretningsgange', type: 'forretningsgang', prefix: 'Forretningsgang for', share: 0.25 },
  { folder: 'procedurer', title: 'Procedurer', type: 'procedure', prefix: 'Procedure for', share: 0.25 },
  { folder: 'beredskab', title: 'Beredskab', type: 'beredskabsplan', prefix: 'Beredskabsplan for', share: 0.07 },
  { folder: 'bilag', title: 'Bilag', type: 'bilag', prefix: 'Bilag om', share: 0.05 },
] as const;

const BODIES = ['Direktionen', 'Informationssikkerhedsudvalget', 'IT-sikkerhedsgruppen', 'Datafortrolighedsudvalget'] as const;

/** Every ISO/IEC 27001:2022 Annex A control id. */
const CONTROLS = [
  [5, 37],
  [6, 8],
  [7, 14],
  [8, 34],
].flatMap(([c, n]) => Array.from({ length: n! }, (_, i) => `${c}.${i + 1}`));

/** One planned document. */
export interface DocPlan {
  index: number;
  folder: string;
  slug: string;
  /** Path inside the content folder, e.g. `procedurer/test-af-backupkopier.mdx`. */
  file: string;
  title: string;
  status: 'approved' | 'draft' | 'retired';
  audience: 'public' | 'internal';
  /** Files this document links to. */
  links: string[];
  frontmatter: string;
}

/** The `handbook.yaml` of the synthetic handbook. */
export function settingsYaml(): string {
  const sections = SECTIONS.map((s) => `  - { folder: ${s.folder}, title: ${s.title} }`).join('\n');
  return `organisation: Eksempelstyrelsen\nhandbookTitle: Informationssikkerhedshåndbogen\ncontact: Spørgsmål sendes til sikkerhed@example.dk.\nsections:\n${sections}\nrepository:\n  url: https://github.com/example/haandbog\n  branch: main\n  host: github\neditions:\n  intranet: { site: "https://intranet.example.dk", base: "/" }\n  public: { site: "https://www.example.dk", base: "/" }\n`;
}

/** ASCII slug of a Danish phrase. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `YYYY-MM-DD` of a date some days before `today`. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole months to a date whose day is at most 28. */
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Plans N documents: sections by share, unique slugs, ~20% public, links that keep public documents public-only. */
export function planDocuments(count: number, seed: number, today: string, publicShare = 0.2): DocPlan[] {
  const rng = createRandom(deriveSeed(seed, 1));
  const publicSet = new Set(rng.shuffle([...Array(count).keys()]).slice(0, Math.round(count * publicShare)));
  const used = new Set<string>();
  const plans = [...Array(count).keys()].map((index) => {
    const r = rng.next();
    let acc = 0;
    const section = SECTIONS.find((s) => (acc += s.share) > r) ?? SECTIONS[1];
    let topic = `${rng.pick(ACTIVITIES)} ${compound(rng, 2)}`;
    for (let tries = 0; tries < 20 && used.has(`${section.folder}/${slugify(topic)}`); tries++)
      topic = `${rng.pick(ACTIVITIES)} ${compound(rng, 2)}`;
    const slug = used.has(`${section.folder}/${slugify(topic)}`) ? `${slugify(topic)}-${index}` : slugify(topic);
    used.add(`${section.folder}/${slug}`);
    const audience: DocPlan['audience'] = publicSet.has(index) ? 'public' : 'internal';
    const roll = rng.next();
    const status: DocPlan['status'] = audience === 'public' || roll >= 0.03 ? 'approved' : roll < 0.02 ? 'draft' : 'retired';
    const plan: DocPlan = {
      index,
      folder: section.folder,
      slug,
      file: `${section.folder}/${slug}.mdx`,
      title: `${section.prefix} ${topic}`,
      status,
      audience,
      links: [],
      frontmatter: '',
    };
    plan.frontmatter = frontmatter(plan, section.type, rng, today);
    return plan;
  });
  const approved = plans.filter((p) => p.status === 'approved');
  const approvedPublic = approved.filter((p) => p.audience === 'public');
  for (const plan of plans) {
    const pool = (plan.audience === 'public' ? approvedPublic : approved).filter((p) => p !== plan);
    const wanted = Math.min(pool.length, rng.int(3, 6));
    const chosen = new Set<DocPlan>();
    while (chosen.size < wanted) chosen.add(rng.pick(pool));
    plan.links = [...chosen].map((p) => p.file);
  }
  return plans;
}

/** The frontmatter block of a planned document. */
function frontmatter(plan: DocPlan, type: string, rng: Random, today: string): string {
  const lines = [
    `title: ${plan.title}`,
    `description: Krav, ansvar og fremgangsmåde for ${plan.title.split(' ').slice(2).join(' ')}.`,
    `type: ${type}`,
  ];
  lines.push(
    `owner: ${rng.pick(OWNERS)}`,
    `approvalBody: ${type === 'politik' ? 'Direktionen' : rng.pick(BODIES)}`,
    `status: ${plan.status}`,
  );
  if (plan.status !== 'draft') {
    const approvedOn = daysBefore(today, rng.int(1, 400)).replace(/-(29|30|31)$/, '-28');
    lines.push(`approvedOn: ${approvedOn}`, `nextReview: ${plusMonths(approvedOn, type === 'politik' ? 12 : rng.pick([12, 12, 24]))}`);
  }
  lines.push(`audience: ${plan.audience}`, `version: "${rng.int(1, 4)}.${rng.int(0, 9)}"`);
  const controls = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(CONTROLS)))];
  lines.push(`controls: [${controls.map((c) => `"${c}"`).join(', ')}]`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Relative link from one content file to another. */
function relativeLink(from: DocPlan, toFile: string): string {
  const [folder, name] = toFile.split('/') as [string, string];
  return folder === from.folder ? `./${name}` : `../${toFile}`;
}

/** The body blocks of a document: sections of paragraphs, lists, a table, inline links and a related-documents list. */
export function bodyBlocks(plan: DocPlan, titles: ReadonlyMap<string, string>, seed: number): string[] {
  const rng = createRandom(deriveSeed(seed, 2, plan.index));
  const target = rng.int(900, 1150);
  const headings = ['Formål', 'Omfang', ...rng.shuffle(SECTION_HEADINGS.slice(2)).slice(0, 10)];
  const extras = rng.shuffle([bulletList(rng), stepList(rng), responsibilityTable(rng)]);
  const inline = plan.links
    .slice(0, 2)
    .map((f) => `Se også [${titles.get(f)}](${relativeLink(plan, f)}), som uddyber kravene til ${compound(rng, 2)}.`);
  const blocks: string[] = [];
  let words = countWords(plan.frontmatter);
  const add = (block: string) => (blocks.push(block), (words += countWords(block)));
  for (const [i, heading] of headings.entries()) {
    if (words >= target && extras.length === 0 && inline.length === 0) break;
    add(`## ${heading}`);
    add(paragraph(rng) + (inline.length && i > 0 ? ` ${inline.shift()}` : ''));
    if (i > 1 && rng.chance(0.5)) (add(`### ${capitalise(subheading(rng))}`), add(paragraph(rng)));
    if (i > 0 && extras.length) add(extras.shift()!);
    if (i > 0) add(paragraph(rng, 2, 4));
  }
  blocks.push('## Relaterede dokumenter', plan.links.map((f) => `- [${titles.get(f)}](${relativeLink(plan, f)})`).join('\n') || 'Ingen.');
  // Prose after the link list, as in real documents (and so the list is not the document's last "sentence").
  blocks.push(
    '## Ikrafttræden',
    `Dokumentet træder i kraft ved godkendelsen og gælder, indtil det afløses af en ny version. ${paragraph(rng, 1, 2)}`,
  );
  return blocks;
}

/** Indexes of the plain paragraphs among a document's blocks, the ones an edit may rewrite. */
export function paragraphIndexes(blocks: readonly string[]): number[] {
  return blocks.flatMap((b, i) => (/^[#|\-\d]/.test(b) || b.includes('](') ? [] : [i]));
}

/** The MDX text of a document; `version` > 0 gives an earlier revision with one paragraph worded differently. */
export function renderDocument(plan: DocPlan, blocks: readonly string[], seed: number, version = 0): string {
  const body = [...blocks];
  if (version > 0) {
    const rng = createRandom(deriveSeed(seed, 3, plan.index, version));
    const candidates = paragraphIndexes(blocks);
    if (candidates.length) body[rng.pick(candidates)] = paragraph(rng);
  }
  return `${plan.frontmatter}\n${body.join('\n\n')}\n`;
}
