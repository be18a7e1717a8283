/**
 * Refuses build-time code that reaches out of the document: MDX expressions `{…}`, `export` statements and component
 * props run as JavaScript while the site is built, with the build's rights. Whatever names the process, the global
 * object, module loading, evaluation of strings, the network or the file system is refused here, in `check` and in
 * `build`, for every document; the public edition's process isolation (README "Isolation") is the fence behind it.
 */
import { builtinModules } from 'node:module';
import { Parser, type Node } from 'acorn';
import jsx from 'acorn-jsx';
import type { Nodes, Root } from 'mdast';
import type { Place } from '../util/problems.ts';

/** One refused piece of code, at its place in the document. */
export interface RefusedCode extends Place {
  message: string;
}

/** Globals that give access to the process, the global object, module loading, evaluation or the network. */
const REFUSED_NAMES = new Set([
  'process', 'globalThis', 'global', 'self', 'window', 'require', 'module', 'exports', '__dirname', '__filename',
  'eval', 'Function', 'fetch', 'Reflect', 'Proxy', 'WebAssembly', 'XMLHttpRequest', 'WebSocket', 'EventSource',
  'Buffer', 'Deno', 'Bun', 'importScripts', 'navigator',
]); // prettier-ignore

/** Property names that lead from any value to `Function` (`x.constructor.constructor('…')()`) or rewrite objects. */
const REFUSED_PROPERTIES = new Set([
  'constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'getPrototypeOf', 'setPrototypeOf', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors', 'getOwnPropertyNames',
  'defineProperty', 'defineProperties',
]); // prettier-ignore

const INSTEAD = 'brug frontmatter-felter, tekst og komponenter eller dokumenter importeret med en relativ sti i stedet';

const JsParser = Parser.extend(jsx());

/** A Node built-in (`node:fs`, `fs`, `child_process` …) or a module under one (`fs/promises`). */
export function isNodeModule(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!) || builtinModules.includes(specifier);
}

type AnyNode = Node & Record<string, unknown>;

/** Refused names and constructs in one parsed program or expression; `at` maps an offset in the parsed text to a place. */
function refusals(program: Node, at: (offset: number) => Place): RefusedCode[] {
  const found: RefusedCode[] = [];
  const refuse = (node: Node, what: string) =>
    found.push({ ...at(node.start), message: `byggekode: ${what} er ikke tilladt i dokumenter (koden køres under bygningen); ${INSTEAD}` });
  const visit = (node: AnyNode, parent?: AnyNode, key?: string) => {
    switch (node.type) {
      case 'Identifier':
      case 'JSXIdentifier': {
        const name = node.name as string;
        const isKey =
          (parent?.type === 'MemberExpression' || parent?.type === 'JSXMemberExpression') && key === 'property' && !parent.computed;
        const isPropKey =
          (parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') &&
          key === 'key' &&
          !parent.computed;
        if (isKey || isPropKey) {
          if (REFUSED_PROPERTIES.has(name)) refuse(node, `egenskaben "${name}"`);
        } else if (REFUSED_NAMES.has(name) && !(node.type === 'JSXIdentifier' && parent?.type === 'JSXAttribute')) {
          refuse(node, `"${name}"`);
        }
        break;
      }
      case 'MemberExpression':
      case 'Property':
      case 'PropertyDefinition':
      case 'MethodDefinition': {
        const keyNode = (node.type === 'MemberExpression' ? node.property : node.key) as AnyNode;
        const name = staticName(keyNode);
        if (node.computed && name === undefined) refuse(keyNode, 'et beregnet egenskabsnavn (a[x])');
        else if (node.computed && REFUSED_PROPERTIES.has(name!)) refuse(keyNode, `egenskaben "${name}"`);
        break;
      }
      case 'ImportExpression':
        refuse(node, 'import(…)');
        break;
      case 'MetaProperty':
        if ((node.meta as AnyNode).name === 'import') refuse(node, 'import.meta');
        break;
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration': {
        const source = node.source as AnyNode | null;
        if (source && typeof source.value === 'string' && isNodeModule(source.value)) refuse(source, `Node-modulet "${source.value}"`);
        break;
      }
    }
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'loc' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as AnyNode).type === 'string') visit(child as AnyNode, node, childKey);
      }
    }
  };
  visit(program as AnyNode);
  return found;
}

/** The name a property key stands for when it is written out (`a.b`, `a['b']`, ``a[`b`]``, `a[0]`). */
function staticName(key: AnyNode): string | undefined {
  if (key.type === 'Literal') return String(key.value);
  if (key.type === 'TemplateLiteral' && (key.expressions as unknown[]).length === 0)
    return ((key.quasis as AnyNode[])[0]!.value as { cooked: string }).cooked;
  return undefined;
}

/** Parses one piece of MDX code: an ESM block as a module, anything else as an expression (or nothing but comments). */
function parseCode(code: string, kind: 'esm' | 'expression' | 'spread'): { program: Node; shift: number } {
  const options = { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true } as const;
  if (kind === 'esm') return { program: JsParser.parse(code, options), shift: 0 };
  if (kind === 'spread') return { program: JsParser.parse(`({${code}\n})`, options), shift: 2 };
  try {
    return { program: JsParser.parse(`(${code}\n)`, options), shift: 1 };
  } catch {
    // `{/* a comment */}` is no expression, but valid MDX.
    return { program: JsParser.parse(code, options), shift: 0 };
  }
}

/** Maps offsets in a piece of code back to the document, whose lines may carry a prefix (`> `, list indent) the code lacks. */
function locator(source: string, codeStart: number, code: string): (offset: number) => Place {
  const before = source.slice(0, codeStart).split('\n');
  const firstLine = before.length;
  const firstCol = before.at(-1)!.length + 1;
  const sourceLines = source.split('\n');
  return (offset) => {
    const lines = code.slice(0, Math.max(0, offset)).split('\n');
    const col = lines.at(-1)!.length;
    if (lines.length === 1) return { line: firstLine, col: firstCol + col };
    const line = firstLine + lines.length - 1;
    const codeLine = code.split('\n')[lines.length - 1]!;
    const prefix = Math.max(0, (sourceLines[line - 1] ?? '').indexOf(codeLine));
    return { line, col: prefix + col + 1 };
  };
}

type Position = { start: { offset?: number } };

/** The offset where `code` starts in the source, searched from a node's start (Sätteri gives attributes no position). */
function codeOffset(source: string, node: { position?: Position }, code: string, from?: { position?: Position }): number {
  const start = (node.position ?? from?.position)?.start.offset ?? 0;
  const firstLine = code.split('\n')[0]!;
  const found = source.indexOf(firstLine, start);
  return found < 0 ? start : found;
}

/** Checks one piece of code; code that cannot be read is refused too, as the build would run it unexamined. */
function checkCode(
  source: string,
  code: string,
  kind: 'esm' | 'expression' | 'spread',
  node: { position?: Position },
  element?: { position?: Position },
): RefusedCode[] {
  const at = locator(source, codeOffset(source, node, code, element), code);
  try {
    const { program, shift } = parseCode(code, kind);
    return refusals(program, (offset) => at(offset - shift));
  } catch (error) {
    const e = error as { pos?: number; message: string };
    return [{ ...at(e.pos ?? 0), message: `byggekode: kan ikke gennemgås (${e.message.replace(/\s*\(\d+:\d+\)$/, '')}); ${INSTEAD}` }];
  }
}

/** The refused build-time code of a parsed document (either parser's tree), in document order. */
export function refusedBuildTimeCode(source: string, tree: Root): RefusedCode[] {
  const found: RefusedCode[] = [];
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        found.push(...checkCode(source, node.value, 'esm', node));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        found.push(...checkCode(source, node.value, 'expression', node));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        found.push(...checkElementName(node));
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxExpressionAttribute') found.push(...checkCode(source, attr.value, 'spread', attr, node));
          else if (attr.value && typeof attr.value === 'object')
            found.push(...checkCode(source, attr.value.value, 'expression', attr, node));
        }
        break;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** `<process.env />` and `<x.constructor />` are references in MDX, not tag names. */
function checkElementName(node: { name: string | null; position?: { start: { line: number; column: number } } }): RefusedCode[] {
  const parts = (node.name ?? '').split('.');
  const refused = parts.length > 1 && (REFUSED_NAMES.has(parts[0]!) || parts.slice(1).some((p) => REFUSED_PROPERTIES.has(p)));
  if (!refused) return [];
  const place = { line: node.position?.start.line ?? 1, col: (node.position?.start.column ?? 0) + 1 };
  return [
    { ...place, message: `byggekode: komponenten "${node.name}" er ikke tilladt i dokumenter (koden køres under bygningen); ${INSTEAD}` },
  ];
}
