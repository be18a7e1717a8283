/** The Statement of Applicability inside an Astro build: this edition's model and links to it. */
import { editionContent } from './collection.ts';
import { manifest, url } from './manifest.ts';
import { buildSoa, controlPath, type SoaModel } from '../soa/model.ts';
import { inForceForControl } from '../dispensations/register.ts';

/** The URL of a control's row on the SoA page; undefined when this edition has no SoA page. */
export function controlUrl(id: string): string | undefined {
  return manifest.soa ? url(controlPath(id)) : undefined;
}

let cache: Promise<SoaModel | undefined> | undefined;

/** This edition's statement from its own documents, computed once per build; undefined when it shows none. */
export function editionSoa(): Promise<SoaModel | undefined> {
  cache ??= (async () => {
    const soa = manifest.soa;
    if (!soa) return undefined;
    const { docs } = await editionContent();
    const soaDocs = docs.map((d) => ({
      id: d.id,
      title: d.title,
      status: d.entry.data.status,
      controls: d.entry.data.controls,
      review: manifest.docs[d.id]?.review,
      lang: d.entry.data.lang === 'da' ? undefined : d.entry.data.lang,
    }));
    const model = buildSoa(soa, soaDocs);
    // The intranet shows per control the dispensations in force that touch it; the public manifest has no register.
    if (manifest.dispensations)
      for (const row of model.rows)
        row.dispensations = inForceForControl(manifest.dispensations, row.id).map(({ id, title, expires }) => ({ id, title, expires }));
    return model;
  })();
  return cache;
}
