import type { Place } from '../util/problems.ts';

/** A syntax error with its place. */
export class MdxSyntaxError extends Error {
  readonly place: Place;
  constructor(message: string, place: Place) {
    super(message);
    this.place = place;
  }
}

/**
 * Runs a Sätteri call, turning its `line:col: reason (line:col) (rule-id)` errors into an `MdxSyntaxError` with
 * that place and the reason alone, as the remark parse words them.
 */
export function satteri<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const message = (error as Error).message;
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const withPlace = (m ? m[3]! : message).split('\n')[0]!.replace(/\s*\([a-z][\w-]*:[\w-]+\)$/i, '');
    // Without the leading place, the trailing one (`… (12:1)` or `… (12:1-12:6)`) says where.
    const trailing = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(withPlace);
    const reason = trailing ? withPlace.slice(0, trailing.index) : withPlace;
    throw new MdxSyntaxError(`MDX-syntaksfejl: ${reason}`, {
      line: Number(m?.[1] ?? trailing?.[1] ?? 1),
      col: Number(m?.[2] ?? trailing?.[2] ?? 1),
    });
  }
}
