/** Calendar events for dispensations: one per dispensation in force, on its expiry date. */
import type { CalendarEvent } from '../review/ical.ts';
import type { Strings } from '../../strings/da.ts';
import { inForce } from './status.ts';
import type { DispensationManifest } from './register.ts';

/** What the events need besides the register. */
export interface EventOptions {
  /** Host name in the UID, e.g. `intranet.dst.dk`. */
  host: string;
  /** Absolute address of a page by collection id. */
  href: (id: string) => string;
  t: Strings['dispensations'];
}

/** Events for every dispensation in force, with a UID from its id so calendar apps update rather than duplicate them. */
export function dispensationEvents(register: DispensationManifest | undefined, { host, href, t }: EventOptions): CalendarEvent[] {
  return (register?.entries ?? [])
    .filter((e) => inForce(e.status) && e.expires)
    .map((e) => ({
      uid: `dispensation-${e.id.split('/').at(-1)}@${host}`,
      date: e.expires!,
      summary: t.calendarEvent(e.title),
      description: t.calendarDescription(e.holder, e.approvalBody),
      url: href(e.id),
    }));
}
