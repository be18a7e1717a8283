/** The reader every parsed file goes through: places of invalid bytes and NULs, limits, link and file errors. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_LIMITS, firstInvalidByte, readSource } from '../../src/lib/util/read-source.ts';
import { parseLocatedYaml } from '../../src/lib/yaml/fields.ts';
import { cleanup, tempDir } from '../helpers/index.ts';

const dir = tempDir('handbook-read-');
afterAll(() => cleanup(dir));

/** Writes bytes to a file of the folder and reads it back through the reader. */
function read(name: string, bytes: Buffer | string, limits = DATA_LIMITS) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return readSource(file, limits);
}

describe('readSource', () => {
  it('names the first invalid byte by line and column in characters, after valid multi-byte letters and a BOM', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFførste linje\nææ '), Buffer.from([0xe5]), Buffer.from(' mere\n')]);
    expect(read('latin1.yaml', bytes)).toEqual({
      problem: { line: 2, col: 4, message: expect.stringMatching(/^ugyldig UTF-8: byten 0xE5 /) },
    });
    expect(firstInvalidByte(Buffer.from([0x61, 0xe2, 0x82, 0x61]))).toBe(1);
    expect(firstInvalidByte(Buffer.from('æøå'))).toBe(6);
  });

  it('drops a byte-order mark, keeps CRLF, and names a NUL byte', () => {
    expect(read('bom.yaml', '\uFEFFa: 1\r\nb: 2\r\n')).toEqual({ text: 'a: 1\r\nb: 2\r\n' });
    expect(read('nul.yaml', 'a: 1\nb: x\0y\n')).toEqual({ problem: { line: 2, col: 5, message: expect.stringMatching(/NUL/) } });
  });

  it('refuses a file over the limit without reading it, and nesting deeper than the limit where it gets too deep', () => {
    expect(read('big.yaml', 'x'.repeat(2000), { maxBytes: 1000, maxDepth: 100 })).toEqual({
      problem: { line: 1, col: 1, message: 'filen fylder 0,0 MB; højst 0,0 MB er tilladt' },
    });
    expect(read('deep.yaml', `a: 1\nb: ${'['.repeat(101)}${']'.repeat(101)}\n`)).toEqual({
      problem: { line: 2, col: 104, message: expect.stringMatching(/^indlejret for dybt/) },
    });
    expect('text' in read('fine.yaml', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toBe(true);
  });

  it('counts nesting by indentation, quote and list markers, brackets left open across lines, and emphasis runs', () => {
    const limits = { maxBytes: 1000, maxDepth: 3 };
    const place = (name: string, text: string) => {
      const result = read(name, text, limits);
      return 'problem' in result ? [result.problem!.line, result.problem!.col] : 'fine';
    };
    // Two columns a level: six columns are three levels, the seventh column one too many.
    expect(place('indent.md', 'a\n      b\n       c\n')).toEqual([3, 7]);
    expect(place('quote.md', '> > x\n> >> y\n')).toEqual([2, 4]);
    expect(place('list.md', '- - x\n- - - y\n')).toEqual([2, 5]);
    expect(place('tab.md', '\tx\n \t\ty\n')).toEqual([2, 3]);
    expect(place('open.md', '( [\n{ (\n')).toEqual([2, 3]);
    expect(place('closed.md', '(())) ((( )))\n')).toBe('fine');
    expect(place('run.md', 'a *** b ~~~~ c\n')).toEqual([1, 12]);
    expect(place('mixed.md', 'a *_*_ ~~~ __*\n')).toBe('fine');
  });

  it('says why a link in a ring, a link to nothing, a missing file and a folder cannot be read', () => {
    symlinkSync('ring.yaml', path.join(dir, 'ring.yaml'));
    symlinkSync('nowhere.yaml', path.join(dir, 'dangling.yaml'));
    mkdirSync(path.join(dir, 'folder.yaml'));
    const message = (name: string) => {
      const result = readSource(path.join(dir, name), DATA_LIMITS);
      return 'problem' in result ? result.problem.message : result.text;
    };
    expect(message('ring.yaml')).toMatch(/symbolsk lænke i ring/);
    expect(message('dangling.yaml')).toMatch(/symbolsk lænke til noget, der ikke findes/);
    expect(message('gone.yaml')).toMatch(/forsvandt/);
    expect(message('folder.yaml')).toBe('er ikke en almindelig fil');
  });
});

describe('parseLocatedYaml on hostile YAML', () => {
  it('refuses an alias bomb at its first alias, and 100,000 keys before parsing them', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(parseLocatedYaml(levels.join('\n')).errors).toEqual([
      { message: expect.stringMatching(/for mange aliasser/), place: { line: 2, col: 10 } },
    ]);
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(parseLocatedYaml(keys).errors).toEqual([
      { message: '100000 felter og listepunkter; højst 20000 er tilladt', place: { line: 1, col: 1 } },
    ]);
  });

  it('finds repeated keys as the library would: the string "5.2" and the number 5.20 differ', () => {
    expect(parseLocatedYaml('a: 1\nb: 2\na: 3\n').errors).toEqual([{ message: 'Map keys must be unique', place: { line: 3, col: 1 } }]);
    expect(parseLocatedYaml('"5.2": 1\n5.20: 2\n').errors).toEqual([]);
  });
});
