// A small OData $filter parser: the subset Graph accepts on SharePoint list items
// and directory objects (eq, ne, lt, gt, le, ge, and, or, not, parentheses,
// startswith). One AST, two back ends: SQL for list items (so SQLite can use the
// expression indexes of indexed columns) and an in-memory evaluator for the small
// collections (lists, users, group members).

export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
export type Literal = string | number | boolean | null;

export type Operand =
  | { readonly kind: 'path'; readonly segments: readonly string[] }
  | { readonly kind: 'literal'; readonly value: Literal; readonly isDateTime?: boolean };

export type FilterExpr =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: 'not'; readonly expr: FilterExpr }
  | { readonly kind: 'compare'; readonly op: ComparisonOp; readonly left: Operand; readonly right: Operand }
  | { readonly kind: 'startswith'; readonly target: Operand; readonly prefix: Operand };

/** A malformed query; the server answers 400 invalidRequest with this message. */
export class ODataSyntaxError extends Error {
  override readonly name = 'ODataSyntaxError';
}

type Token =
  | { readonly type: 'punct'; readonly value: '(' | ')' | ',' | '/'; readonly at: number }
  | { readonly type: 'word'; readonly value: string; readonly at: number }
  | { readonly type: 'string'; readonly value: string; readonly at: number }
  | { readonly type: 'number'; readonly value: number; readonly at: number }
  | { readonly type: 'datetime'; readonly value: string; readonly at: number };

const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
// ISO dates and date-times are unquoted literals in OData v4.
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_@$][A-Za-z0-9_.@$]*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '/') {
      tokens.push({ type: 'punct', value: ch, at: i });
      i++;
      continue;
    }
    if (ch === "'") {
      // OData escapes a quote inside a string by doubling it.
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= input.length) throw new ODataSyntaxError(`Unterminated string literal at position ${i}.`);
        if (input[j] === "'") {
          if (input[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += input[j];
        j++;
      }
      tokens.push({ type: 'string', value, at: i });
      i = j + 1;
      continue;
    }
    const rest = input.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      tokens.push({ type: 'datetime', value: dt[0], at: i });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ type: 'word', value: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new ODataSyntaxError(`Syntax error: character '${ch}' is not valid at position ${i} in '${input}'.`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[], private readonly source: string) {}

  parse(): FilterExpr {
    if (this.tokens.length === 0) throw new ODataSyntaxError('The $filter expression is empty.');
    const expr = this.parseOr();
    const extra = this.tokens[this.pos];
    if (extra) throw this.error(extra, 'Unexpected token');
    return expr;
  }

  private error(token: Token | undefined, what: string): ODataSyntaxError {
    if (!token) return new ODataSyntaxError(`Syntax error: unexpected end of '${this.source}'.`);
    return new ODataSyntaxError(`Syntax error: ${what} '${String(token.value)}' at position ${token.at} in '${this.source}'.`);
  }

  private peekWord(value: string): boolean {
    const t = this.tokens[this.pos];
    return t?.type === 'word' && t.value.toLowerCase() === value;
  }

  private expectPunct(value: '(' | ')' | ','): void {
    const t = this.tokens[this.pos];
    if (t?.type !== 'punct' || t.value !== value) throw this.error(t, `expected '${value}' but found`);
    this.pos++;
  }

  private parseOr(): FilterExpr {
    return this.parseLeftAssociative('or', () => this.parseAnd());
  }

  private parseAnd(): FilterExpr {
    return this.parseLeftAssociative('and', () => this.parseUnary());
  }

  /** `operand (op operand)*`, grouped from the left; `and` binds tighter because parseOr's operands are parseAnd's. */
  private parseLeftAssociative(op: 'and' | 'or', operand: () => FilterExpr): FilterExpr {
    let left = operand();
    while (this.peekWord(op)) {
      this.pos++;
      left = { kind: op, left, right: operand() };
    }
    return left;
  }

  private parseUnary(): FilterExpr {
    if (this.peekWord('not')) {
      this.pos++;
      return { kind: 'not', expr: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterExpr {
    const t = this.tokens[this.pos];
    if (t?.type === 'punct' && t.value === '(') {
      this.pos++;
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    const next = this.tokens[this.pos + 1];
    if (t?.type === 'word' && next?.type === 'punct' && next.value === '(') {
      return this.parseFunction(t.value);
    }
    const left = this.parseOperand();
    const opToken = this.tokens[this.pos];
    if (opToken?.type !== 'word' || !COMPARISONS.has(opToken.value.toLowerCase())) {
      throw this.error(opToken, 'expected a comparison operator but found');
    }
    this.pos++;
    const right = this.parseOperand();
    return { kind: 'compare', op: opToken.value.toLowerCase() as ComparisonOp, left, right };
  }

  private parseFunction(name: string): FilterExpr {
    if (name.toLowerCase() !== 'startswith') {
      throw new ODataSyntaxError(`The function '${name}' is not supported in $filter; use eq, ne, lt, gt, le, ge or startswith.`);
    }
    this.pos += 2; // name and '('
    const target = this.parseOperand();
    this.expectPunct(',');
    const prefix = this.parseOperand();
    this.expectPunct(')');
    const call: FilterExpr = { kind: 'startswith', target, prefix };
    // `startswith(x,'a') eq true` is the long form some clients send.
    const op = this.tokens[this.pos];
    if (op?.type === 'word' && (op.value === 'eq' || op.value === 'ne')) {
      this.pos++;
      const b = this.parseOperand();
      if (b.kind !== 'literal' || typeof b.value !== 'boolean') throw this.error(op, 'startswith can only be compared with true or false, near');
      const positive = (op.value === 'eq') === b.value;
      return positive ? call : { kind: 'not', expr: call };
    }
    return call;
  }

  private parseOperand(): Operand {
    const t = this.tokens[this.pos];
    if (!t) throw this.error(t, '');
    this.pos++;
    switch (t.type) {
      case 'string':
        return { kind: 'literal', value: t.value };
      case 'number':
        return { kind: 'literal', value: t.value };
      case 'datetime':
        return { kind: 'literal', value: normaliseDateTime(t.value), isDateTime: true };
      case 'punct':
        throw this.error(t, 'unexpected');
      case 'word': {
        const lower = t.value.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if (lower === 'null') return { kind: 'literal', value: null };
        const segments = [t.value];
        while (this.tokens[this.pos]?.type === 'punct' && this.tokens[this.pos]!.value === '/') {
          const seg = this.tokens[this.pos + 1];
          if (seg?.type !== 'word') throw this.error(seg, 'expected a property name after / but found');
          segments.push(seg.value);
          this.pos += 2;
        }
        return { kind: 'path', segments };
      }
    }
  }
}

/** SharePoint returns date-times as `2020-04-01T00:00:00Z`; literals are brought to the same form so text comparison orders them. */
export function normaliseDateTime(value: string): string {
  const withTime = value.length === 10 ? `${value}T00:00:00Z` : value;
  const ms = Date.parse(withTime.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(withTime) ? withTime : `${withTime}Z`);
  if (Number.isNaN(ms)) throw new ODataSyntaxError(`'${value}' is not a valid date-time.`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function parseFilter(source: string): FilterExpr {
  return new Parser(tokenize(source), source).parse();
}

/** Every property path the expression reads, e.g. [['fields','Status']]. */
export function referencedPaths(expr: FilterExpr): string[][] {
  const out: string[][] = [];
  const visitOperand = (o: Operand): void => {
    if (o.kind === 'path') out.push([...o.segments]);
  };
  const visit = (e: FilterExpr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        visit(e.left);
        visit(e.right);
        return;
      case 'not':
        visit(e.expr);
        return;
      case 'compare':
        visitOperand(e.left);
        visitOperand(e.right);
        return;
      case 'startswith':
        visitOperand(e.target);
        visitOperand(e.prefix);
    }
  };
  visit(expr);
  return out;
}

// ---- SQL back end ---------------------------------------------------------

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/** Maps a property path to a SQL expression; throws ODataSyntaxError for unknown properties. */
export type SqlResolver = (segments: readonly string[]) => string;

const SQL_OPS: Record<ComparisonOp, string> = { eq: 'IS', ne: 'IS NOT', lt: '<', gt: '>', le: '<=', ge: '>=' };

// SQLite keeps JSON booleans as 1/0 in json_extract, so literals follow suit.
const sqlValue = (v: Literal): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

export function toSql(expr: FilterExpr, resolve: SqlResolver): SqlFragment {
  const params: unknown[] = [];
  const operand = (o: Operand): string => {
    if (o.kind === 'path') return resolve(o.segments);
    params.push(sqlValue(o.value));
    return '?';
  };
  const visit = (e: FilterExpr): string => {
    switch (e.kind) {
      case 'and':
        return `(${visit(e.left)} AND ${visit(e.right)})`;
      case 'or':
        return `(${visit(e.left)} OR ${visit(e.right)})`;
      case 'not':
        return `(NOT ${visit(e.expr)})`;
      case 'compare': {
        const left = operand(e.left);
        const right = operand(e.right);
        // Ordering against null is never true in OData; SQL's NULL < x is NULL, which WHERE treats as false too.
        // SharePoint compares text without regard to case; NOCASE does that (for ASCII) and leaves numbers alone.
        // The item indexes are NOCASE too (store.ts), so indexed filters still use them.
        return `(${left} ${SQL_OPS[e.op]} ${right} COLLATE NOCASE)`;
      }
      case 'startswith': {
        const target = operand(e.target);
        if (e.prefix.kind !== 'literal' || typeof e.prefix.value !== 'string') {
          throw new ODataSyntaxError('startswith needs a string literal as its second argument.');
        }
        // SharePoint's BeginsWith ignores case, as LIKE does for ASCII.
        params.push(`${e.prefix.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        return `(${target} LIKE ? ESCAPE '\\')`;
      }
    }
  };
  return { sql: visit(expr), params };
}

// ---- In-memory back end -----------------------------------------------------

export type ValueResolver = (segments: readonly string[]) => unknown;

function comparable(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Directory-style evaluation: string comparisons ignore case, as Entra ID's do. */
export function evaluate(expr: FilterExpr, resolve: ValueResolver): boolean {
  const value = (o: Operand): unknown => (o.kind === 'path' ? resolve(o.segments) : o.value);
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, resolve) && evaluate(expr.right, resolve);
    case 'or':
      return evaluate(expr.left, resolve) || evaluate(expr.right, resolve);
    case 'not':
      return !evaluate(expr.expr, resolve);
    case 'startswith': {
      const target = value(expr.target);
      const prefix = value(expr.prefix);
      return typeof target === 'string' && typeof prefix === 'string' && target.toLowerCase().startsWith(prefix.toLowerCase());
    }
    case 'compare': {
      const a = comparable(value(expr.left));
      const b = comparable(value(expr.right));
      if (expr.op === 'eq') return a === b;
      if (expr.op === 'ne') return a !== b;
      if (a === null || b === null) return false;
      switch (expr.op) {
        case 'lt':
          return a < b;
        case 'gt':
          return a > b;
        case 'le':
          return a <= b;
        case 'ge':
          return a >= b;
      }
    }
  }
}
