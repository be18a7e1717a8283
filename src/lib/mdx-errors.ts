/** A place in a source file. */
export interface Place {
  line: number;
  col: number;
}

/** A syntax error with its place. */
export class MdxSyntaxError extends Error {
  readonly place: Place;
  constructor(message: string, place: Place) {
    super(message);
    this.place = place;
  }
}
