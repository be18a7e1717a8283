/** The document information every PDF gets (Chromium sets only the title), and reading a printed PDF's length. */

/** The document information this build sets. */
export interface PdfInfo {
  /** E.g. `Retningslinje for skærmlås`. */
  title: string;
  /** The document's owner, e.g. `Informationssikkerhedskoordinatoren`. */
  author: string;
  /** E.g. `Den overordnede politik for informationssikkerhed.` */
  subject: string;
}

/** The number of pages of a PDF Chromium wrote (Skia writes no object streams, so every page object is in plain text). */
export function pageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
