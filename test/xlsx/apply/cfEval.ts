/**
 * A tiny evaluator for the conditional-format formulas Interlock writes, so tests can tell which
 * rule lights a cell without Excel: the functions those formulas use, with Excel's semantics for
 * blanks, errors and arrays. Relative references are shifted from the range's top-left cell.
 */
import type ExcelJS from 'exceljs';
import { parseCell, splitSheetRange } from '../../../src/core/a1';

type Err = { err: string };
type Scalar = number | string | boolean | null | Err;
type Value = Scalar | Scalar[] | { ref: { sheet: string; row: number; col: number } };

const isErr = (v: unknown): v is Err => typeof v === 'object' && v !== null && 'err' in v;

type Tok = { t: 'num' | 'str' | 'id' | 'op' | 'ref'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') {
      i++;
    } else if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else if (/[0-9.]/.test(ch)) {
      const m = /^[0-9.]+/.exec(src.slice(i))![0];
      out.push({ t: 'num', v: m });
      i += m.length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$.]*/.exec(src.slice(i))![0];
      out.push({ t: /^\$?[A-Za-z]{1,3}\$?\d+$/.test(m) ? 'ref' : 'id', v: m });
      i += m.length;
    } else {
      const two = src.slice(i, i + 2);
      if (['<>', '>=', '<='].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else {
        out.push({ t: 'op', v: ch });
        i++;
      }
    }
  }
  return out;
}

export interface EvalContext {
  workbook: ExcelJS.Workbook;
  sheet: string;
  /** 1-based position of the cell being evaluated, and of the range's top-left. */
  row: number;
  col: number;
  top: number;
  left: number;
}

function cellScalar(wb: ExcelJS.Workbook, sheet: string, row: number, col: number): Scalar {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return { err: '#REF!' };
  const v = ws.getCell(row, col).value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Math.round(v.getTime() / 86400000) + 25569;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { err: o.error };
  if ('result' in o) return (o.result as Scalar) ?? null;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if (typeof o.text === 'string') return o.text;
  return null;
}

export function evaluate(formula: string, ctx: EvalContext): Scalar {
  const toks = tokenize(formula);
  let p = 0;
  /** The next token's operator text, or '' when it is not an operator (a string "-" is not minus). */
  const op = () => (toks[p]?.t === 'op' ? toks[p].v : '');
  const eat = (v?: string) => {
    const t = toks[p++];
    if (v !== undefined && t?.v !== v) throw new Error(`expected ${v} at ${p} in ${formula}`);
    return t;
  };

  const deref = (v: Value): Scalar | Scalar[] =>
    typeof v === 'object' && v !== null && 'ref' in v
      ? cellScalar(ctx.workbook, v.ref.sheet, v.ref.row, v.ref.col)
      : (v as Scalar | Scalar[]);
  const text = (v: Scalar): string | Err =>
    isErr(v) ? v : v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  const num = (v: Scalar): number | Err =>
    isErr(v)
      ? v
      : v === null
        ? 0
        : typeof v === 'boolean'
          ? Number(v)
          : typeof v === 'number'
            ? v
            : Number.isNaN(Number(v)) || v === ''
              ? { err: '#VALUE!' }
              : Number(v);
  const truth = (v: Scalar): boolean | Err => {
    if (isErr(v)) return v;
    if (typeof v === 'string') return { err: '#VALUE!' };
    return Boolean(v);
  };
  const map1 = (v: Scalar | Scalar[], f: (s: Scalar) => Scalar): Scalar | Scalar[] =>
    Array.isArray(v) ? v.map(f) : f(v);

  function compare(a: Scalar, b: Scalar, op: string): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    let x: string | number | boolean = a === null ? (typeof b === 'string' ? '' : 0) : a;
    let y: string | number | boolean = b === null ? (typeof a === 'string' ? '' : 0) : b;
    if (typeof x === 'string' && typeof y === 'string') {
      x = x.toLowerCase();
      y = y.toLowerCase();
    } else if (typeof x !== typeof y) {
      // Excel: numbers < text < booleans
      const rank = (z: unknown) => (typeof z === 'number' ? 0 : typeof z === 'string' ? 1 : 2);
      x = rank(x);
      y = rank(y);
    }
    switch (op) {
      case '=':
        return x === y;
      case '<>':
        return x !== y;
      case '>':
        return x > y;
      case '<':
        return x < y;
      case '>=':
        return x >= y;
      default:
        return x <= y;
    }
  }

  function call(name: string, args: (() => Value)[]): Value {
    const s = (i: number) => deref(args[i]()) as Scalar;
    switch (name.toUpperCase()) {
      case 'IF': {
        const c = truth(s(0));
        if (isErr(c)) return c;
        return c ? args[1]() : args[2] ? args[2]() : false;
      }
      case 'ISERROR':
        return isErr(s(0));
      case 'ISNUMBER':
        return map1(deref(args[0]()), (v) => typeof v === 'number');
      case 'NOT': {
        const c = truth(s(0));
        return isErr(c) ? c : !c;
      }
      case 'AND':
      case 'OR': {
        const vals = args.map((a) => truth(deref(a()) as Scalar));
        const e = vals.find(isErr);
        if (e) return e;
        return name.toUpperCase() === 'AND' ? vals.every(Boolean) : vals.some(Boolean);
      }
      case 'EXACT': {
        const a = text(s(0));
        const b = text(s(1));
        return isErr(a) ? a : isErr(b) ? b : a === b;
      }
      case 'TRIM': {
        const a = text(s(0));
        return isErr(a) ? a : a.replace(/ +/g, ' ').trim();
      }
      case 'LEN': {
        const a = text(s(0));
        return isErr(a) ? a : a.length;
      }
      case 'MID': {
        const a = text(s(0));
        const start = num(s(1));
        const len = num(s(2));
        if (isErr(a)) return a;
        if (isErr(start) || isErr(len) || start < 1 || len < 0) return { err: '#VALUE!' };
        return a.slice(start - 1, start - 1 + len);
      }
      case 'VALUE': {
        const a = text(s(0));
        if (isErr(a)) return a;
        const n = Number(a.trim());
        return a.trim() === '' || Number.isNaN(n) ? { err: '#VALUE!' } : n;
      }
      case 'ROW':
        return ctx.row;
      case 'COLUMN':
        return ctx.col;
      case 'ADDRESS': {
        const r = num(s(0));
        const c = num(s(1));
        if (isErr(r) || isErr(c)) return { err: '#VALUE!' };
        let n = c;
        let col = '';
        while (n > 0) {
          col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
          n = Math.floor((n - 1) / 26);
        }
        return `${col}${r}`;
      }
      case 'INDIRECT': {
        const t = text(s(0));
        if (isErr(t)) return t;
        const { sheet, range } = splitSheetRange(t);
        const at = parseCell(range);
        if (!at) return { err: '#REF!' };
        return { ref: { sheet: sheet ?? ctx.sheet, row: at.row + 1, col: at.col + 1 } };
      }
      case 'FIND': {
        const within = text(s(1));
        if (isErr(within)) return within;
        return map1(deref(args[0]()), (needle) => {
          const n = text(needle);
          if (isErr(n)) return n;
          const i = within.indexOf(n);
          return i < 0 ? { err: '#VALUE!' } : i + 1;
        });
      }
      case 'SUMPRODUCT': {
        const v = deref(args[0]());
        const list = Array.isArray(v) ? v : [v];
        let sum = 0;
        for (const x of list) if (typeof x === 'number') sum += x;
        return sum;
      }
      default:
        throw new Error(`cfEval: ${name} is not supported`);
    }
  }

  function primary(): Value {
    const t = eat();
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'str') return t.v;
    if (t.t === 'ref') {
      const at = parseCell(t.v)!;
      const abs = t.v.split('$');
      // Relative parts move with the evaluated cell; `$` parts stay.
      const colAbs = t.v.startsWith('$');
      const rowAbs = abs.length > (colAbs ? 2 : 1);
      return {
        ref: {
          sheet: ctx.sheet,
          row: rowAbs ? at.row + 1 : at.row + 1 + (ctx.row - ctx.top),
          col: colAbs ? at.col + 1 : at.col + 1 + (ctx.col - ctx.left),
        },
      };
    }
    if (t.t === 'op' && t.v === '(') {
      const v = expr();
      eat(')');
      return v;
    }
    if (t.t === 'op' && t.v === '{') {
      const items: Scalar[] = [];
      while (op() !== '}') {
        items.push(deref(unary()) as Scalar);
        if (op() === ',') eat(',');
      }
      eat('}');
      return items;
    }
    if (t.t === 'id') {
      if (t.v === 'TRUE' || t.v === 'FALSE') return t.v === 'TRUE';
      eat('(');
      const args: (() => Value)[] = [];
      while (op() !== ')') {
        const start = p;
        // Parse once to find the argument's end, then evaluate lazily from its start.
        expr();
        const end = p;
        args.push(() => {
          const save = p;
          p = start;
          const v = expr();
          if (p !== end) throw new Error('cfEval: argument parse mismatch');
          p = save;
          return v;
        });
        if (op() === ',') eat(',');
      }
      eat(')');
      return call(t.v, args);
    }
    throw new Error(`cfEval: unexpected ${t.v}`);
  }
  function unary(): Value {
    if (op() === '-') {
      eat('-');
      const v = deref(unary());
      return map1(v, (x) => {
        const n = num(x);
        return isErr(n) ? n : -n;
      });
    }
    return primary();
  }
  function additive(): Value {
    let v = unary();
    while (op() === '+' || op() === '-') {
      const o = eat().v;
      const a = num(deref(v) as Scalar);
      const b = num(deref(unary()) as Scalar);
      v = isErr(a) ? a : isErr(b) ? b : o === '+' ? a + b : a - b;
    }
    return v;
  }
  function concat(): Value {
    let v = additive();
    while (op() === '&') {
      eat('&');
      const a = text(deref(v) as Scalar);
      const b = text(deref(additive()) as Scalar);
      v = isErr(a) ? a : isErr(b) ? b : a + b;
    }
    return v;
  }
  function expr(): Value {
    let v = concat();
    while (['=', '<>', '>', '<', '>=', '<='].includes(op())) {
      const o = eat().v;
      v = compare(deref(v) as Scalar, deref(concat()) as Scalar, o);
    }
    return v;
  }
  // Lazy evaluation re-parses arguments, so the parse must not evaluate them first: switch to a
  // dry mode is overkill for these short formulas; evaluating twice is harmless (no side effects).
  const v = deref(expr());
  return Array.isArray(v) ? (v[0] ?? null) : v;
}
