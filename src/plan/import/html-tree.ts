import type { DefaultTreeAdapterTypes } from 'parse5';

/**
 * HTML as a plain tree of elements and text, whoever parsed it: mammoth's output
 * for a Word document, or what Word and Excel put on the clipboard.
 *
 * In the tab the browser's own DOMParser builds it. In Node (the import command,
 * the tests) parse5 does: it implements the same HTML5 tree-construction algorithm
 * the browsers do, so Word's and Excel's untidy clipboard HTML (<o:p>, conditional
 * comments, unclosed cells) becomes the same tree in both places. It is small, has
 * one dependency (entities), is actively kept and is already what jsdom parses
 * with here; node-html-parser and htmlparser2 build their trees by their own rules
 * instead. It is imported only when there is no DOMParser, so the tab never loads it.
 */
export interface HtmlElement {
  type: 'element';
  /** Lower case, without a namespace prefix: "td", "p", "o:p" stays "o:p". */
  tag: string;
  attributes: Readonly<Record<string, string>>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

/** Deeper than any real document nests; a hostile paste cannot exhaust the stack. */
export const MAX_HTML_DEPTH = 256;
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'xml', 'title']);

/**
 * The browser's DOMParser, or a stand-in with the same shape (jsdom's, in tests);
 * undefined means the global one if there is one, null means parse5 whatever.
 */
export type DomParserConstructor = new () => { parseFromString(html: string, type: 'text/html'): Document };

function element(tag: string, attributes: Record<string, string>, children: HtmlNode[]): HtmlElement {
  return { type: 'element', tag, attributes, children };
}

function fromDom(node: Node, depth: number): HtmlNode | null {
  if (node.nodeType === 3) return { type: 'text', text: node.nodeValue ?? '' };
  if (node.nodeType !== 1 || depth > MAX_HTML_DEPTH) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (SKIPPED.has(tag)) return null;
  const attributes = Object.fromEntries(Array.from(el.attributes, (a) => [a.name.toLowerCase(), a.value]));
  return element(tag, attributes, childrenFromDom(el, depth + 1));
}

function childrenFromDom(parent: Node, depth: number): HtmlNode[] {
  const children: HtmlNode[] = [];
  parent.childNodes.forEach((child) => {
    const converted = fromDom(child, depth);
    if (converted) children.push(converted);
  });
  return children;
}

type Parse5Node = DefaultTreeAdapterTypes.Node;

function fromParse5(node: Parse5Node, depth: number): HtmlNode | null {
  if (node.nodeName === '#text' && 'value' in node) return { type: 'text', text: node.value };
  if (!('tagName' in node) || depth > MAX_HTML_DEPTH) return null;
  const tag = node.tagName.toLowerCase();
  if (SKIPPED.has(tag)) return null;
  const attributes = Object.fromEntries(node.attrs.map((a) => [a.name.toLowerCase(), a.value]));
  return element(tag, attributes, childrenFromParse5(node, depth + 1));
}

function childrenFromParse5(parent: DefaultTreeAdapterTypes.ParentNode, depth: number): HtmlNode[] {
  const children: HtmlNode[] = [];
  for (const child of parent.childNodes) {
    const converted = fromParse5(child, depth);
    if (converted) children.push(converted);
  }
  return children;
}

/**
 * Parses a whole HTML document or a fragment into a root element holding its body's
 * content. `domParser` defaults to the browser's; without one, parse5 is loaded.
 */
export async function parseHtml(html: string, domParser?: DomParserConstructor | null): Promise<HtmlElement> {
  const DomParser = domParser === undefined ? globalThis.DOMParser : domParser;
  if (DomParser) {
    const document = new DomParser().parseFromString(html, 'text/html');
    return element('body', {}, document.body ? childrenFromDom(document.body, 1) : []);
  }
  const { parse } = await import('parse5');
  const document = parse(html);
  const htmlElement = document.childNodes.find((n) => 'tagName' in n && n.tagName === 'html');
  const body =
    htmlElement && 'childNodes' in htmlElement
      ? htmlElement.childNodes.find((n) => 'tagName' in n && n.tagName === 'body')
      : undefined;
  return element('body', {}, body && 'childNodes' in body ? childrenFromParse5(body, 1) : []);
}
