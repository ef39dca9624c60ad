/**
 * Bench part: a 1,000 × 50 matrix in an .xlsx. ExcelJS merely reading and writing it, against
 * Interlock reading, validating, planning, applying the plan and writing the validated copy.
 * Prints both, the ratio (goal ≤ 1.5), the time per stage, and what the plan wrote.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/xlsx/load';
import { workbookSnapshot } from '../../src/xlsx/snapshot';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { cellAt } from '../../src/core/snapshot';
import type { Report, Finding, CellResult } from '../../src/core/report';
import { toA1 } from '../../src/core/a1';
import { cellText } from '../../src/core/matrix/text';
import { buildPlan, PlanOptions } from '../../src/core/plan';
import { applyPlan } from '../../src/xlsx/apply';
import { DEPARTMENTS, OBJECTIVES, makeMatrix } from './matrix';

type Validator = (snap: WorkbookSnapshot) => Report;

/** The real engine when it loads; otherwise a labelled stand-in, so the write-back can still be timed. */
function validator(): { name: string; run: Validator } {
  try {
    const { findMatrix, isMatrixNotFound } = require('../../src/core/matrix') as typeof import('../../src/core/matrix');
    const { validate } = require('../../src/core/validate') as typeof import('../../src/core/validate');

    return {
      name: 'validate()',
      run: (s) => {
        const m = findMatrix(s);
        if (isMatrixNotFound(m)) throw new Error(`bench matrix not found: ${m.reason}`);
        return validate(m, s, { referenceDate: '2026-11-01' });
      },
    };
  } catch (e) {
    return {
      name: `a stand-in report (validate() did not load: ${(e as Error).message.split('\n')[0]})`,
      run: standIn,
    };
  }
}

/** Verdicts by a digit test on the known layout: only for timing the write-back without the engine. */
function standIn(snap: WorkbookSnapshot): Report {
  const sheet = snap.sheets[0];
  const top = 5;
  const left = 3;
  const findings: Finding[] = [];
  const results: CellResult[] = [];
  const objectives = Array.from({ length: OBJECTIVES }, (_, j) => ({
    name: cellText(cellAt(sheet, 3, left + j)),
    col: left + j,
    attributes: {},
  }));
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) => ({
    name: cellText(cellAt(sheet, top + i, 1)),
    row: top + i,
    attributes: { capacity: 40 },
  }));
  const cells = departments.map((d, i) =>
    objectives.map((o, j) => {
      const value = cellAt(sheet, top + i, left + j);
      const text = cellText(value);
      const address = toA1(top + i, left + j);
      const t = text.trim();
      const verdict = t === '' ? 'blank' : t === 'n/a' ? 'n/a' : /\d/.test(t) ? 'pass' : 'fail';
      const severity = verdict === 'fail' ? 'error' : verdict === 'blank' ? 'warning' : undefined;
      if (severity) {
        findings.push({
          rule: verdict === 'fail' ? 'not-measurable' : 'blank-cell',
          severity,
          sheet: sheet.name,
          address,
          department: d.name,
          objective: o.name,
          message: verdict === 'fail' ? 'No number to measure.' : 'The cell is blank.',
          suggestion: 'Say how much, and by when.',
        });
      }
      results.push({
        address,
        row: top + i,
        col: left + j,
        department: d.name,
        objective: o.name,
        text,
        verdict,
        measurable: verdict === 'pass',
        impact: verdict === 'pass',
        impactQuantified: verdict === 'pass',
        initiative: t !== '',
        timeBound: /by|within/.test(t),
        vague: [],
        severity,
        analysis: {
          text,
          blank: t === '',
          declaredEmpty: t === 'n/a',
          placeholder: false,
          quantities: [],
          measurable: verdict === 'pass',
          impact: verdict === 'pass',
          impactQuantified: verdict === 'pass',
          initiative: t !== '',
          timeBound: false,
          vague: [],
          dependencies: [],
          verdict,
          findings: [],
        },
      });
      return { row: top + i, col: left + j, address, value, text, formula: false };
    }),
  );
  const body = { top, left, bottom: top + DEPARTMENTS - 1, right: left + OBJECTIVES - 1 };
  return {
    matrix: {
      sheet: sheet.name,
      range: `${toA1(3, 1)}:${toA1(body.bottom, body.right)}`,
      bodyRange: `${toA1(top, left)}:${toA1(body.bottom, body.right)}`,
      headerRow: 3,
      departmentCol: 1,
      body,
      objectives,
      departments,
      cells,
      dependencies: [],
      source: 'detected',
      notes: [],
    },
    cells: results,
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: 0,
    },
  };
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

type Stages = Record<'load' | 'validate' | 'plan' | 'apply' | 'write', number>;

/** Cells the plan writes, by sheet role (what the write stage pays for). */
function cellsByRole(plan: ReturnType<typeof buildPlan>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of plan.sheets) {
    const n = s.rows.reduce((m, r) => m + (r ? r.filter(Boolean).length : 0), 0);
    out[s.role] = (out[s.role] ?? 0) + n;
  }
  return out;
}

async function ours(
  file: string,
  options: PlanOptions,
  check: Validator,
): Promise<{
  total: number;
  stages: Stages;
  cells: number;
  sheets: number;
  size: number;
  roles: Record<string, number>;
}> {
  const stages: Stages = { load: 0, validate: 0, plan: 0, apply: 0, write: 0 };
  let cells = 0;
  let roles: Record<string, number> = {};
  let sheets = 0;
  let size = 0;
  const [, total] = await time(async () => {
    const [wb, tl] = await time(async () => loadWorkbook(await fs.readFile(file)));
    stages.load = tl;
    const [{ report, snap }, tv] = await time(() => {
      const s = workbookSnapshot(wb, 'matrix.xlsx');
      return { report: check(s), snap: s };
    });
    stages.validate = tv;
    const [plan, tp] = await time(() => buildPlan(report, snap, options));
    stages.plan = tp;
    sheets = plan.sheets.length;
    roles = cellsByRole(plan);
    cells = Object.values(roles).reduce((a, b) => a + b, 0);
    const [, ta] = await time(() => applyPlan(wb, plan));
    stages.apply = ta;
    const [buf, tw] = await time(async () => wb.xlsx.writeBuffer());
    stages.write = tw;
    size = (buf as ArrayBuffer).byteLength;
  });
  return { total, stages, cells, sheets, size, roles };
}

export async function run(log: (line: string) => void): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-writeback-'));
  const file = path.join(dir, 'matrix.xlsx');
  try {
    await makeMatrix(file);
    const stat = await fs.stat(file);
    log(`matrix: ${DEPARTMENTS} departments × ${OBJECTIVES} objectives, ${(stat.size / 1e6).toFixed(1)} MB`);
    const baseline = async () => {
      let read = 0;
      const [, t] = await time(async () => {
        const wb = new ExcelJS.Workbook();
        [, read] = await time(async () => wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer));
        await wb.xlsx.writeBuffer();
      });
      return { t, read };
    };
    await baseline(); // warm-up: JIT and file cache
    const runs = 3;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const base: { t: number; read: number }[] = [];
    for (let i = 0; i < runs; i++) base.push(await baseline());
    base.sort((x, y) => x.t - y.t);
    const b = median(base.map((x) => x.t));
    const bRead = base[Math.floor(runs / 2)].read;
    const check = validator();
    log(`report from ${check.name}`);
    log(
      `ExcelJS read + write:                         ${b.toFixed(0)} ms (read ${bRead.toFixed(0)}, write ${(b - bRead).toFixed(0)})`,
    );
    for (const [label, options] of [
      ['validate + write back, cascade sheets for every department (default, --cascade all)', { cascade: 'all' }],
      ['validate + write back, no cascade sheets (--cascade none; existing on a first run)', { cascade: 'none' }],
    ] as [string, PlanOptions][]) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await ours(file, options, check.run));
      results.sort((x, y) => x.total - y.total);
      const r = results[Math.floor(runs / 2)];
      const st = Object.entries(r.stages)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      log(`${label}:`);
      log(`  ${r.total.toFixed(0)} ms (${st}); ratio ${(r.total / b).toFixed(2)} (goal ≤ 1.5)`);
      const byRole = Object.entries(r.roles)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ');
      log(
        `  plan: ${r.sheets} sheets, ${r.cells.toLocaleString('en-US')} cells (${byRole}); output ${(r.size / 1e6).toFixed(1)} MB`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
