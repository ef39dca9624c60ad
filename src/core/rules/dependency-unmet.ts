import type { Rule, RuleFinding, ResolvedDependency } from './types';
import { atCell, quote } from './support';

/** Where a dependency's finding goes: the dependent cell, else the row that declared it. */
export function dependencyPlace(
  dep: ResolvedDependency,
): Pick<RuleFinding, 'sheet' | 'address' | 'department' | 'objective'> {
  if (dep.dependentCell) {
    const f = atCell(dep.dependentCell, '', '');
    return { address: f.address, department: f.department, objective: f.objective };
  }
  return {
    sheet: dep.entry.source.sheet,
    address: dep.entry.source.address,
    department: dep.dependent?.name ?? dep.entry.department,
    objective: dep.objective?.name ?? (dep.entry.objective || undefined),
  };
}

export function dependencyWords(dep: ResolvedDependency): string {
  const what = dep.entry.needs ? quote(dep.entry.needs, 50) : 'a deliverable';
  const where = dep.fromCellText ? '' : ` (${dep.entry.source.sheet}!${dep.entry.source.address})`;
  return `${dep.dependent?.name ?? dep.entry.department} needs ${what} from ${dep.provider?.name ?? dep.entry.from}${where}`;
}

const rule: Rule = {
  id: 'dependency-unmet',
  severity: 'error',
  description: 'A department depends on another department that has committed nothing on the same objective.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const dep of ctx.dependencies) {
      const place = dependencyPlace(dep);
      if (!dep.provider) {
        // Only the Dependencies sheet names departments on purpose; a cell's wording may name a product.
        if (dep.fromCellText) continue;
        out.push({
          ...place,
          message: `${dependencyWords(dep)}, but there is no department "${dep.entry.from}" in the matrix.`,
          suggestion: 'Use the department name exactly as it appears in the matrix.',
        });
        continue;
      }
      if (dep.provider === dep.dependent) continue;
      if (dep.objective) {
        if (dep.providerCell?.committed) continue;
        out.push({
          ...place,
          message: `${dependencyWords(dep)} on "${dep.objective.name}", but ${dep.provider.name} has committed nothing there${dep.providerCell ? ` (${dep.providerCell.cell.address})` : ''}.`,
          suggestion: `Ask ${dep.provider.name} to commit to the deliverable in its cell for "${dep.objective.name}", with a date.`,
        });
      } else {
        const row = ctx.cells[ctx.departmentIndex(dep.provider)];
        if (row.some((c) => c.committed)) continue;
        out.push({
          ...place,
          message: `${dependencyWords(dep)}, but ${dep.provider.name} has committed to nothing in the matrix.`,
          suggestion: `Ask ${dep.provider.name} to commit to the deliverable, and name the objective it serves.`,
        });
      }
    }
    return out;
  },
};
export default rule;
