import { badRequest } from './errors';

/** A parsed OData `$filter`, independent of what the properties refer to. */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'datetime'; value: string }
  | { type: 'null' };

export type FilterNode =
  | { kind: 'compare'; op: CompareOp; property: string; value: Literal }
  | { kind: 'startswith'; property: string; value: string }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

type Token =
  | { t: 'lparen' | 'rparen' | 'comma'; pos: number }
  | { t: 'word'; value: string; pos: number }
  | { t: 'literal'; value: Literal; pos: number };

const COMPARE_OPS: readonly CompareOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const isCompareOp = (s: string): s is CompareOp => COMPARE_OPS.some((op) => op === s);
const MIRROR: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/;

const syntaxError = (detail: string) => badRequest(`Invalid filter clause: ${detail}`);

/** Limits that keep a pathological filter a 400 rather than a stack overflow or a runaway query. */
export const MAX_FILTER_LENGTH = 32_768;
export const MAX_FILTER_CONDITIONS = 500;
export const MAX_FILTER_NESTING = 100;

const tooComplex = (detail: string) => syntaxError(`the expression is too complex (${detail}).`);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', pos: i });
      i += 1;
    } else if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= input.length) throw syntaxError(`unterminated string literal at position ${i}.`);
        const c = input.charAt(j);
        if (c === "'") {
          if (input.charAt(j + 1) === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += c;
        j += 1;
      }
      tokens.push({ t: 'literal', value: { type: 'string', value }, pos: i });
      i = j + 1;
    } else {
      const rest = input.slice(i);
      const date = DATETIME.exec(rest);
      const num = NUMBER.exec(rest);
      const word = WORD.exec(rest);
      if (date && date[0].length > (num?.[0].length ?? 0)) {
        tokens.push({ t: 'literal', value: { type: 'datetime', value: date[0] }, pos: i });
        i += date[0].length;
      } else if (num) {
        tokens.push({ t: 'literal', value: { type: 'number', value: Number(num[0]) }, pos: i });
        i += num[0].length;
      } else if (word) {
        const w = word[0];
        const lower = w.toLowerCase();
        if (lower === 'true' || lower === 'false') {
          tokens.push({ t: 'literal', value: { type: 'boolean', value: lower === 'true' }, pos: i });
        } else if (lower === 'null') {
          tokens.push({ t: 'literal', value: { type: 'null' }, pos: i });
        } else {
          tokens.push({ t: 'word', value: w, pos: i });
        }
        i += w.length;
      } else {
        throw syntaxError(`unexpected character '${ch}' at position ${i}.`);
      }
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  private depth = 0;
  private conditions = 0;
  constructor(private readonly tokens: Token[]) {}

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_FILTER_NESTING)
      throw tooComplex(`more than ${MAX_FILTER_NESTING} levels of nesting`);
  }

  private condition(): void {
    this.conditions += 1;
    if (this.conditions > MAX_FILTER_CONDITIONS)
      throw tooComplex(`more than ${MAX_FILTER_CONDITIONS} conditions`);
  }

  parse(): FilterNode {
    const node = this.or();
    const extra = this.tokens[this.i];
    if (extra) throw syntaxError(`unexpected token at position ${extra.pos}.`);
    return node;
  }

  private peekWord(): string | undefined {
    const tok = this.tokens[this.i];
    return tok?.t === 'word' ? tok.value.toLowerCase() : undefined;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.i += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.i += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekWord() === 'not') {
      this.i += 1;
      this.enter();
      const operand = this.unary();
      this.depth -= 1;
      return { kind: 'not', operand };
    }
    return this.primary();
  }

  private expect(t: 'lparen' | 'rparen' | 'comma'): void {
    const tok = this.tokens[this.i];
    if (tok?.t !== t) {
      const what = t === 'lparen' ? "'('" : t === 'rparen' ? "')'" : "','";
      throw syntaxError(`expected ${what}${tok ? ` at position ${tok.pos}` : ' at the end'}.`);
    }
    this.i += 1;
  }

  private primary(): FilterNode {
    const tok = this.tokens[this.i];
    if (!tok) throw syntaxError('the expression ended unexpectedly.');
    if (tok.t === 'lparen') {
      this.i += 1;
      this.enter();
      const inner = this.or();
      this.expect('rparen');
      this.depth -= 1;
      return inner;
    }
    if (tok.t === 'word' && tok.value.toLowerCase() === 'startswith') {
      return this.startswith();
    }
    return this.comparison();
  }

  private startswith(): FilterNode {
    this.condition();
    this.i += 1;
    this.expect('lparen');
    const prop = this.tokens[this.i];
    if (prop?.t !== 'word') throw syntaxError('startswith expects a property as its first argument.');
    this.i += 1;
    this.expect('comma');
    const lit = this.tokens[this.i];
    if (lit?.t !== 'literal' || lit.value.type !== 'string') {
      throw syntaxError('startswith expects a string literal as its second argument.');
    }
    this.i += 1;
    this.expect('rparen');
    const node: FilterNode = { kind: 'startswith', property: prop.value, value: lit.value.value };
    // Accept the long form `startswith(x,'a') eq true`.
    if (this.peekWord() === 'eq') {
      const next = this.tokens[this.i + 1];
      if (next?.t === 'literal' && next.value.type === 'boolean') {
        this.i += 2;
        return next.value.value ? node : { kind: 'not', operand: node };
      }
    }
    return node;
  }

  private comparison(): FilterNode {
    this.condition();
    const a = this.tokens[this.i];
    const opTok = this.tokens[this.i + 1];
    const b = this.tokens[this.i + 2];
    if (!a || !opTok || !b) throw syntaxError('incomplete comparison.');
    const op = opTok.t === 'word' ? opTok.value.toLowerCase() : '';
    if (!isCompareOp(op)) {
      throw syntaxError(`expected a comparison operator (eq, ne, lt, le, gt, ge) at position ${opTok.pos}.`);
    }
    this.i += 3;
    if (a.t === 'word' && b.t === 'literal')
      return { kind: 'compare', op, property: a.value, value: b.value };
    if (a.t === 'literal' && b.t === 'word') {
      return { kind: 'compare', op: MIRROR[op], property: b.value, value: a.value };
    }
    throw syntaxError(`a comparison needs one property and one literal (position ${a.pos}).`);
  }
}

export function parseFilter(input: string): FilterNode {
  if (input.length > MAX_FILTER_LENGTH) throw tooComplex(`longer than ${MAX_FILTER_LENGTH} characters`);
  const tokens = tokenize(input);
  if (tokens.length === 0) throw syntaxError('the expression is empty.');
  return new Parser(tokens).parse();
}

/** Splits top-level `a and b and c` into its conjuncts. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}
