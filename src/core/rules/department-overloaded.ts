import type { ResolvedDependency, Rule, RuleFinding } from './types';
import type { Department } from '../matrix/types';
import { toA1 } from '../a1';
import { plural } from './support';

/** `2027 Q2`: the calendar quarter a date falls in, to see which demands land at once. */
function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** quarterOf, once per distinct date within a run (a matrix repeats its deadlines). */
function quarters(): (iso: string) => string {
  const seen = new Map<string, string>();
  return (iso) => {
    let q = seen.get(iso);
    if (q === undefined) seen.set(iso, (q = quarterOf(iso)));
    return q;
  };
}

const rule: Rule = {
  id: 'department-overloaded',
  severity: 'warning',
  description:
    'A department carries more commitments than its stated Capacity, or several objectives demand it in the same quarter.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const m = ctx.matrix;
    const quarter = quarters();
    // What others need from each department, grouped once (not every dependency per department).
    const needed = new Map<Department, ResolvedDependency[]>();
    for (const dep of ctx.dependencies) {
      if (!dep.provider) continue;
      const list = needed.get(dep.provider);
      if (list) list.push(dep);
      else needed.set(dep.provider, [dep]);
    }
    m.departments.forEach((d, i) => {
      const address = toA1(d.row, m.departmentCol);
      const committed = ctx.cells[i].filter((c) => c.committed && !c.mergedInto);
      const capacity = d.attributes.capacity;
      if (capacity !== undefined && committed.length > capacity) {
        out.push({
          address,
          department: d.name,
          message: `${d.name} has ${plural(committed.length, 'commitment')} against a capacity of ${capacity}.`,
          suggestion: `Drop or defer ${committed.length - capacity} of them, move them to another department, or raise ${d.name}'s capacity with the resources to match.`,
        });
        return;
      }
      // Demands on the team per quarter: its own deadlines, and what others need from it by then.
      const byQuarter = new Map<string, Set<string>>();
      const add = (iso: string, objective: string) => {
        const q = quarter(iso);
        if (!byQuarter.has(q)) byQuarter.set(q, new Set());
        byQuarter.get(q)!.add(objective);
      };
      for (const c of committed) {
        const due = ctx.deadlineOf(c);
        if (due) add(due.end, c.objective.name);
      }
      for (const dep of needed.get(d) ?? []) {
        if (dep.dependent === d) continue;
        const when = dep.neededBy ?? (dep.dependentCell ? ctx.deadlineOf(dep.dependentCell) : null);
        if (when) add(when.end, dep.objective?.name ?? dep.entry.objective ?? '');
      }
      // With a capacity, demands above it in one quarter; without, the settings' threshold.
      const tooMany = (n: number) => (capacity !== undefined ? n > capacity : n >= ctx.options.overloadPerPeriod);
      for (const [q, objectives] of [...byQuarter].sort()) {
        if (!tooMany(objectives.size)) continue;
        out.push({
          address,
          department: d.name,
          message: `${plural(objectives.size, 'objective')} demand ${d.name} in ${q} (${[...objectives].map((o) => `"${o}"`).join(', ')})${capacity !== undefined ? `, above its capacity of ${capacity}` : ''}.`,
          suggestion: `Stagger the deadlines across quarters, or say which of these ${d.name} will deliver first.`,
        });
      }
    });
    return out;
  },
};
export default rule;
