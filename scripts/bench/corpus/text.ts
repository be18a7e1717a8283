/** Composes Danish sentences, paragraphs, lists and tables from the vocabulary in danish.ts. */
import type { Random } from './random.ts';
import { ACTORS, ADJECTIVES, APPROVALS, DEADLINES, EVENTS, GOALS, MODALS, NOUNS, PREFIXES, QUALIFIERS, VERBS } from './danish.ts';

/** A compound noun in one of its four forms: 0 singular, 1 singular definite, 2 plural, 3 plural definite. */
export function compound(rng: Random, form: 0 | 1 | 2 | 3): string {
  return rng.pick(PREFIXES) + rng.pick(NOUNS)[form];
}

/** Upper-cases the first letter. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A noun phrase used as an object: plural or definite, so no gendered article is needed. */
function object(rng: Random): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.pick(ADJECTIVES)} ${compound(rng, 2)}`;
    case 1:
      return `de ${rng.pick(ADJECTIVES)} ${compound(rng, 2)}`;
    case 2:
      return `alle ${compound(rng, 2)}`;
    case 3:
      return compound(rng, 3);
    default:
      return compound(rng, 1);
  }
}

/** A fronted adverbial: clauses such as `når ...` take a comma before the verb. */
function fronted(qualifier: string): string {
  return capitalise(qualifier) + (/^(når|før|efter aftale|ud fra)/.test(qualifier) ? ',' : '');
}

/** One sentence from one of ten patterns. */
export function sentence(rng: Random): string {
  const [actor, possessive] = rng.pick(ACTORS);
  const [verb, passive] = rng.pick(VERBS);
  const [modal, adverb] = rng.pick(MODALS);
  const straight = adverb ? `${modal} ${adverb}` : modal;
  const inverted = (subject: string) => (adverb ? `${modal} ${subject} ${adverb}` : `${modal} ${subject}`);
  switch (rng.int(0, 9)) {
    case 0:
      return `${capitalise(actor)} ${straight} ${verb} ${object(rng)} ${rng.pick(QUALIFIERS)}.`;
    case 1:
      return `Det er ${possessive} ansvar at ${verb} ${object(rng)}, så ${rng.pick(GOALS)}.`;
    case 2:
      return `Når ${rng.pick(EVENTS)}, ${inverted(actor)} ${verb} ${object(rng)}.`;
    case 3:
      return `${capitalise(actor)} må ikke ${verb} ${object(rng)} uden ${rng.pick(APPROVALS)}.`;
    case 4:
      return `Formålet er at ${verb} ${object(rng)} ${rng.pick(QUALIFIERS)}, så ${rng.pick(GOALS)}.`;
    case 5:
      return `${capitalise(object(rng))} ${straight} ${passive} ${rng.pick(QUALIFIERS)}.`;
    case 6:
      return `Hvis ${rng.pick(EVENTS)}, kontaktes ${rng.pick(['Servicedesk', 'driftsvagten', 'informationssikkerhedskoordinatoren'])} straks.`;
    case 7:
      return `I praksis betyder det, at ${actor} ${adverb ? `${adverb} ${modal}` : modal} ${verb} ${object(rng)}, og at ${rng.pick(GOALS)}.`;
    case 8:
      return `${fronted(rng.pick(QUALIFIERS))} ${inverted(actor)} ${verb} ${object(rng)}.`;
    default:
      return `${capitalise(compound(rng, 3))} er omfattet af kravene, så ${rng.pick(GOALS)}, også når ${rng.pick(EVENTS)}.`;
  }
}

/** A paragraph of a few sentences. */
export function paragraph(rng: Random, min = 3, max = 6): string {
  return Array.from({ length: rng.int(min, max) }, () => sentence(rng)).join(' ');
}

/** A bulleted list of short requirements. */
export function bulletList(rng: Random): string {
  return Array.from({ length: rng.int(3, 6) }, () => `- ${sentence(rng)}`).join('\n');
}

/** A numbered list of steps in the imperative. */
export function stepList(rng: Random): string {
  return Array.from({ length: rng.int(3, 6) }, (_, i) => {
    const [, , imperative] = rng.pick(VERBS);
    return `${i + 1}. ${capitalise(imperative)} ${object(rng)} ${rng.pick(QUALIFIERS)}.`;
  }).join('\n');
}

/** A table of responsibilities and deadlines. */
export function responsibilityTable(rng: Random): string {
  const rows = Array.from({ length: rng.int(3, 6) }, () => {
    const [actor] = rng.pick(ACTORS);
    return `| ${capitalise(compound(rng, 2))} | ${capitalise(actor)} | ${rng.pick(DEADLINES)} |`;
  });
  return ['| Område | Ansvarlig | Frist |', '|---|---|---|', ...rows].join('\n');
}

/** A level-three heading about a compound topic. */
export function subheading(rng: Random): string {
  switch (rng.int(0, 2)) {
    case 0:
      return `Krav til ${compound(rng, 2)}`;
    case 1:
      return capitalise(compound(rng, 3));
    default:
      return `Særligt om ${compound(rng, 2)}`;
  }
}

/** Counts words the way a reader would: whitespace-separated tokens that contain a letter. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
