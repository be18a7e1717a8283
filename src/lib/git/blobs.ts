/** Historic file contents from `git cat-file --batch`: one process for every blob the build needs. */

const ZERO = /^0+$/;

/** True for the all-zero id `--raw` gives the missing side of an added or deleted file. */
export const isZeroBlob = (sha: string) => ZERO.test(sha);

/** The input for `git cat-file --batch`: one blob id a line, without duplicates or zero ids. */
export function batchInput(blobs: Iterable<string>): string {
  const wanted = [...new Set(blobs)].filter((b) => b && !isZeroBlob(b));
  return wanted.length ? `${wanted.join('\n')}\n` : '';
}

/** Parses `git cat-file --batch` output (`<sha> <type> <size>\n<bytes>\n`, or `<sha> missing`) into blob texts. */
export function parseBatch(output: Buffer): Map<string, string> {
  const result = new Map<string, string>();
  let offset = 0;
  while (offset < output.length) {
    const eol = output.indexOf(10, offset);
    if (eol < 0) break;
    const [sha = '', , size] = output.subarray(offset, eol).toString('utf8').split(' ');
    if (size === undefined) {
      offset = eol + 1;
      continue;
    }
    result.set(sha, output.subarray(eol + 1, eol + 1 + Number(size)).toString('utf8'));
    offset = eol + 1 + Number(size) + 1;
  }
  return result;
}
