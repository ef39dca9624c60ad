/**
 * matrix + rules → report: every cell analysed and given a verdict, every enabled rule run,
 * findings stamped with their rule, severity and place, and counts by severity.
 */
import type { CellResult, Finding, Report, Severity, Summary } from './report';
import type { WorkbookSnapshot } from './snapshot';
import { isErrorValue } from './snapshot';
import type { Department, DependencyEntry, Matrix, Objective } from './matrix/types';
import type { StatementAnalysis } from './statement/types';
import { analyzeStatement, cellLabels, defaultLexicon, extendLexicon } from './statement';
import { RULES } from './rules';
import type { CellInfo, ResolvedDependency, Rule, RuleContext } from './rules/types';
import { cascadeFindings } from './cascade';
import { readState } from './plan/state';
import { readSettings, type Settings } from './settings';
import { type DateOptions, type ResolvedDate, inferPlanYear, parseDeadline, resolveDeadlineValue } from './dates';
import { nameKey } from './matrix/text';
import { objectiveAttributeOf } from './matrix/labels';
import { mentionFinder } from './matrix/mentions';
import { cellIndexer } from './matrix/cellIndex';
import { parseRange, rangeToA1 } from './a1';

export interface ValidateOptions {
  /** Settings to use instead of the workbook's own (`Interlock Settings` sheet, document settings). */
  settings?: Settings;
  /** `YYYY-MM-DD` that relative deadlines count from; default today. */
  referenceDate?: string;
  /** Findings computed elsewhere (cascade-orphan from the cascade sheets). */
  extraFindings?: Finding[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITY_OF_RANK: Severity[] = ['info', 'info', 'warning', 'error'];

type Lexicon = typeof defaultLexicon;

function lexiconFor(settings: Settings, matrix: Matrix, notes: string[]): Lexicon {
  const extra: Record<string, string[]> = {};
  for (const [list, words] of Object.entries(settings.lexicon)) {
    if (list in defaultLexicon) extra[list] = words;
    else notes.push(`Settings name a word list "${list}" the statement checker does not have; its words were ignored.`);
  }
  // The matrix's own department names, so "needs data from Finance Ops" is read as a dependency.
  const names = matrix.departments.map((d) => d.name.toLowerCase()).filter((n) => !n.startsWith('(no name'));
  extra.departments = [...(extra.departments ?? []), ...names];
  return extendLexicon(defaultLexicon, extra as Partial<Lexicon>);
}

function coveredCells(snapshot: WorkbookSnapshot, matrix: Matrix): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = snapshot.sheets.find((s) => s.name === matrix.sheet);
  for (const m of sheet?.merges ?? []) {
    const r = parseRange(m);
    if (!r) continue;
    const b = matrix.body;
    if (r.end.row < b.top || r.start.row > b.bottom || r.end.col < b.left || r.start.col > b.right) continue;
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        if (row !== r.start.row || col !== r.start.col) out.set(`${row}:${col}`, rangeToA1(r));
      }
    }
  }
  return out;
}

/** Texts to infer the plan year from: the objective deadlines, then distinct cell texts (enough of them to vote). */
function planYearTexts(matrix: Matrix): string[] {
  const texts = new Set<string>(matrix.objectives.map((o) => o.attributes.deadline ?? ''));
  for (const line of matrix.cells) {
    for (const c of line) {
      if (texts.size >= 2000) return [...texts];
      if (/\d\d/.test(c.text)) texts.add(c.text);
    }
  }
  return [...texts];
}

export function validate(matrix: Matrix, snapshot: WorkbookSnapshot, options: ValidateOptions = {}): Report {
  const notes = [...matrix.notes];
  const settings = options.settings ?? readSettings(snapshot);
  notes.push(...settings.problems);
  const lexicon = lexiconFor(settings, matrix, notes);

  // Every distinct text is analysed once: matrices repeat "n/a" and copied cells.
  const analyses = new Map<string, StatementAnalysis>();
  const analyse = (text: string) => {
    let a = analyses.get(text);
    if (!a) {
      a = analyzeStatement(text, lexicon);
      analyses.set(text, a);
    }
    return a;
  };

  const planYear = settings.planYear ?? inferPlanYear(planYearTexts(matrix)) ?? undefined;
  const referenceDate = options.referenceDate ?? new Date().toISOString().slice(0, 10);
  const dateOptions: DateOptions = { planYear, referenceDate, fiscalYearStart: settings.fiscalYearStart };

  const covered = coveredCells(snapshot, matrix);
  const cells: CellInfo[][] = matrix.cells.map((line, i) =>
    line.map((cell, j) => {
      const analysis = analyse(cell.text);
      const error = isErrorValue(cell.value) ? cell.value.error : undefined;
      const mergedInto = covered.size > 0 ? covered.get(`${cell.row}:${cell.col}`) : undefined;
      const committed = !error && !analysis.blank && !analysis.declaredEmpty && !analysis.placeholder;
      return {
        cell,
        department: matrix.departments[i],
        objective: matrix.objectives[j],
        i,
        j,
        analysis,
        error,
        mergedInto,
        committed,
      };
    }),
  );

  const assumptions = new Set<string>();
  const remember = (d: ResolvedDate | null) => {
    if (d?.assumed) assumptions.add(d.assumed);
    return d;
  };
  // The deadline clause the statement checker found (it knows a baseline year from a deadline),
  // read as a period; by clause text, since matrices repeat their dates.
  const deadlines = new Map<string, ResolvedDate | null>();
  const deadlineOf = (info: CellInfo) => {
    const clause = info.analysis.deadline?.text;
    if (!clause) return null;
    if (!deadlines.has(clause)) deadlines.set(clause, remember(parseDeadline(clause, dateOptions)));
    return deadlines.get(clause)!;
  };
  const objectiveDeadlines = new Map<Objective, ResolvedDate | null>();
  const objectiveDeadline = (o: Objective) => {
    if (!objectiveDeadlines.has(o)) {
      // The cell as written (a real date cell stays a date); the attribute text otherwise.
      const label = Object.keys(o.attributes.raw ?? {}).find((l) => objectiveAttributeOf(l) === 'deadline');
      const value = label !== undefined ? o.attributes.raw![label] : null;
      const d =
        value !== null
          ? resolveDeadlineValue(value, dateOptions)
          : o.attributes.deadline
            ? parseDeadline(o.attributes.deadline, dateOptions)
            : null;
      objectiveDeadlines.set(o, remember(d));
    }
    return objectiveDeadlines.get(o)!;
  };

  const deptByKey = new Map(matrix.departments.map((d) => [nameKey(d.name), d] as const));
  const objByKey = new Map(matrix.objectives.map((o) => [nameKey(o.name), o] as const));
  const findDepartment = (name: string) => deptByKey.get(nameKey(name));
  const rowOf = new Map<Department, number>();
  matrix.departments.forEach((d, i) => {
    if (!rowOf.has(d)) rowOf.set(d, i);
  });
  const departmentIndex = (d: Department) => rowOf.get(d) ?? -1;
  const findObjective = (name: string) => objByKey.get(nameKey(name));
  const mentionsIn = mentionFinder(matrix.departments);
  const mentions = (info: CellInfo) => mentionsIn(info.cell.text).filter((d) => d !== info.department);

  const dependencies: ResolvedDependency[] = [];
  const entries: DependencyEntry[] = [...matrix.dependencies];
  for (const entry of matrix.dependencies) {
    const dependent = findDepartment(entry.department);
    const provider = findDepartment(entry.from);
    const objective = entry.objective ? findObjective(entry.objective) : undefined;
    const where = `${entry.source.sheet}!${entry.source.address}`;
    if (!dependent) notes.push(`${where}: "${entry.department}" is not a department in the matrix.`);
    if (entry.objective && !objective)
      notes.push(
        `${where}: "${entry.objective}" is not an objective in the matrix; the dependency was checked against ${entry.from}'s whole row.`,
      );
    const i = dependent ? departmentIndex(dependent) : -1;
    const p = provider ? departmentIndex(provider) : -1;
    const j = objective ? matrix.objectives.indexOf(objective) : -1;
    const neededBy = entry.neededBy
      ? (remember(resolveDeadlineValue(entry.neededBy, dateOptions)) ?? undefined)
      : undefined;
    if (entry.neededBy && !neededBy)
      notes.push(
        `${where}: "${entry.neededBy}" is not a date Interlock can read; the dependent cell's own deadline was used.`,
      );
    dependencies.push({
      entry,
      fromCellText: false,
      dependent,
      provider,
      objective,
      dependentCell: i >= 0 && j >= 0 ? cells[i][j] : undefined,
      providerCell: p >= 0 && j >= 0 ? cells[p][j] : undefined,
      neededBy,
    });
  }
  for (const line of cells) {
    for (const info of line) {
      if (!info.committed || info.mergedInto) continue;
      for (const named of info.analysis.dependencies) {
        const provider =
          (named.department ? findDepartment(named.department) : undefined) ??
          mentionsIn(named.text).find((d) => d !== info.department);
        if (!provider || provider === info.department) continue;
        const entry: DependencyEntry = {
          department: info.department.name,
          objective: info.objective.name,
          needs: named.deliverable ?? named.text,
          from: provider.name,
          ...(named.neededBy ? { neededBy: named.neededBy } : {}),
          source: { sheet: matrix.sheet, address: info.cell.address },
        };
        entries.push(entry);
        const p = departmentIndex(provider);
        dependencies.push({
          entry,
          fromCellText: true,
          dependent: info.department,
          provider,
          objective: info.objective,
          dependentCell: info,
          providerCell: cells[p][info.j],
          neededBy: named.neededBy ? (remember(parseDeadline(named.neededBy, dateOptions)) ?? undefined) : undefined,
        });
      }
    }
  }

  const ctx: RuleContext = {
    matrix,
    snapshot,
    cells,
    dateOptions,
    deadlineOf,
    objectiveDeadline,
    mentions,
    findDepartment,
    departmentIndex,
    findObjective,
    dependencies,
    extraFindings: options.extraFindings ?? [],
    options: { overloadPerPeriod: settings.overloadPerPeriod ?? 4 },
  };

  const known = new Set(RULES.map((r) => r.id));
  const run = (rules: readonly Rule[]) => {
    const out: Finding[] = [];
    for (const rule of rules) {
      const setting = settings.rules[rule.id];
      if (setting === 'off') continue;
      const severity = setting ?? rule.severity;
      const id = rule.id;
      for (const f of rule.check(ctx)) {
        const sheet = f.sheet ?? matrix.sheet;
        // Most findings are on a cell, with both names: that shape is built whole, in one step.
        if (f.department !== undefined && f.objective !== undefined) {
          out.push({
            rule: id,
            severity,
            sheet,
            address: f.address,
            message: f.message,
            suggestion: f.suggestion,
            department: f.department,
            objective: f.objective,
          });
          continue;
        }
        const finding: Finding = {
          rule: id,
          severity,
          sheet,
          address: f.address,
          message: f.message,
          suggestion: f.suggestion,
        };
        if (f.department !== undefined) finding.department = f.department;
        if (f.objective !== undefined) finding.objective = f.objective;
        out.push(finding);
      }
    }
    // Findings from elsewhere under ids no module owns pass through, still subject to settings.
    for (const f of ctx.extraFindings) {
      if (known.has(f.rule)) continue;
      const setting = settings.rules[f.rule];
      if (setting !== 'off') out.push(setting ? { ...f, severity: setting } : f);
    }
    return out;
  };

  const reportedMatrix: Matrix = { ...matrix, dependencies: entries, notes };

  const findings = run(RULES.filter((r) => !r.usesExtraFindings));
  // After the rules: they are what reads the dates.
  if (assumptions.size) {
    const yearNote =
      planYear !== undefined && settings.planYear === undefined
        ? ` Dates without a year were read in ${planYear}, the year the matrix's dates name most often.`
        : '';
    notes.push(
      `Dates read with an assumption:${yearNote} ${[...assumptions].slice(0, 5).join('; ')}${assumptions.size > 5 ? `; and ${assumptions.size - 5} more` : ''}.`,
    );
  }
  let report = assemble(reportedMatrix, cells, findings);
  // Cascade rows are judged against this report (their parents are its goals), so they come after it.
  // Only a workbook a previous run wrote cascade sheets into can have orphans.
  const hasCascades = readState(snapshot)?.sheets.some((s) => s.role === 'cascade') ?? false;
  ctx.extraFindings = options.extraFindings ?? (hasCascades ? cascadeFindings(snapshot, report) : []);
  const late = run(RULES.filter((r) => r.usesExtraFindings));
  if (late.length) report = assemble(reportedMatrix, cells, [...findings, ...late]);
  return report;
}

/**
 * The worst severity among the findings on each matrix cell, asked for by the cell's index in
 * row-by-row order. Read from the addresses when the cells line up (the usual case); by a map
 * of addresses otherwise.
 */
function worstByCell(
  matrix: Matrix,
  cells: CellInfo[][],
  findings: Finding[],
): (k: number, info: CellInfo) => Severity | undefined {
  // validate's cells are the matrix's, one for one.
  const indexOf = cellIndexer(matrix.cells);
  if (!indexOf) {
    const worst = new Map<string, Severity>();
    for (const f of findings) {
      if (f.sheet !== matrix.sheet) continue;
      const prev = worst.get(f.address);
      if (!prev || RANK[f.severity] > RANK[prev]) worst.set(f.address, f.severity);
    }
    return (_k, info) => worst.get(info.cell.address);
  }
  let total = 0;
  for (const line of cells) total += line.length;
  const rank = new Uint8Array(total); // 0: no finding
  for (const f of findings) {
    if (f.sheet !== matrix.sheet) continue;
    const k = indexOf(f.address);
    if (k >= 0 && RANK[f.severity] > rank[k]) rank[k] = RANK[f.severity];
  }
  return (k) => (rank[k] ? SEVERITY_OF_RANK[rank[k]] : undefined);
}

function assemble(matrix: Matrix, cells: CellInfo[][], findings: Finding[]): Report {
  const worst = worstByCell(matrix, cells, findings);
  const results: CellResult[] = [];
  let k = 0;
  for (const line of cells) {
    for (const info of line) {
      const a = info.analysis;
      // The labels written out, not spread from cellLabels(): this runs once per cell of the matrix.
      const result: CellResult = {
        address: info.cell.address,
        row: info.cell.row,
        col: info.cell.col,
        department: info.department.name,
        objective: info.objective.name,
        text: info.cell.text,
        verdict: info.error ? 'fail' : a.verdict,
        measurable: a.measurable,
        impact: a.impact,
        impactQuantified: a.impactQuantified,
        initiative: a.initiative,
        timeBound: a.timeBound,
        vague: a.vague,
        analysis: a,
      };
      const severity = worst(k++, info);
      if (severity) result.severity = severity;
      results.push(result);
    }
  }
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { matrix, cells: results, findings, summary };
}

/** The design's `--json` document for one validated file. */
export function reportDocument(report: Report, file?: string) {
  const m = report.matrix;
  const strip = <T extends { raw?: unknown }>(attrs: T) => {
    const { raw: _raw, ...rest } = attrs;
    return rest;
  };
  return {
    ...(file !== undefined ? { file } : {}),
    matrix: {
      sheet: m.sheet,
      range: m.range,
      objectives: m.objectives.map((o) => ({ name: o.name, ...strip(o.attributes) })),
      departments: m.departments.map((d) => ({ name: d.name, ...strip(d.attributes) })),
      notes: m.notes,
    },
    cells: report.cells.map((c) => ({
      address: c.address,
      department: c.department,
      objective: c.objective,
      text: c.text,
      verdict: c.verdict,
      ...cellLabels(c),
    })),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      address: f.address,
      department: f.department ?? null,
      objective: f.objective ?? null,
      message: f.message,
      suggestion: f.suggestion,
    })),
    summary: report.summary,
  };
}
