/** Small helpers shared by rule modules. */
import type { CellInfo, RuleContext, RuleFinding } from './types';
import { describeDate, type ResolvedDate } from '../dates';

const flat = new WeakMap<CellInfo[][], CellInfo[]>();

/** Every cell of the matrix, row by row (computed once per run, not once per rule). */
export function allCells(ctx: RuleContext): CellInfo[] {
  let all = flat.get(ctx.cells);
  if (!all) {
    // A loop rather than Array.prototype.flat, which is several times slower on 50,000 cells.
    all = [];
    for (const line of ctx.cells) for (const info of line) all.push(info);
    flat.set(ctx.cells, all);
  }
  return all;
}

/** A finding placed on a matrix cell. */
export function atCell(info: CellInfo, message: string, suggestion: string): RuleFinding {
  return {
    address: info.cell.address,
    department: info.department.name,
    objective: info.objective.name,
    message,
    suggestion,
  };
}

/** A date for a message; what was assumed to read it is listed once in the report's notes. */
export function dateWords(d: ResolvedDate): string {
  return d.assumed ? `${d.text} (read as ${d.end})` : describeDate(d);
}

export function quote(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
