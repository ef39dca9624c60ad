/**
 * Carries out a WritePlan in the open workbook, in a bounded number of syncs:
 *
 *   1. read: sheets, tables, workbook protection;
 *   2. read: each sheet's protection and conditional formats, and what people put on the sheets
 *      about to go (notes, comments, shapes); then check everything that could stop the write
 *      (nothing is changed if a check fails);
 *   3. build: every planned sheet is written under a temporary name into a hidden sheet, in
 *      requests of at most REQUEST_BUDGET_BYTES (Excel on the web refuses requests over 5 MB);
 *      the first build request also reads the formulas of existing rules, to find Interlock's;
 *   4. swap: a journal sheet records the names involved; Interlock's old rules go; its old sheets
 *      are renamed aside (the old state sheet first), the new sheets take their final names, and
 *      only then are the old sheets deleted; formulas, tables and rules are added, the new state
 *      sheet is named last and the journal removed.
 *
 * No old sheet is deleted before its replacement carries its name, so a failure at any point
 * loses none of the rows people typed on a cascade sheet. If a build request fails, the
 * temporary sheets are removed and the workbook is as it was. If a swap request fails, the next
 * read finishes the swap from the journal (see swapJournal.ts) before anything is planned.
 */
import type { Progress } from '../core/host';
import type { NotCarriedOver } from '../core/plan/notCarriedOver';
import type { PlannedSheet, WritePlan } from '../core/plan/types';
import { isLegalSheetName, sheetKey } from '../core/plan/sheetNames';
import {
  ACTION_OVERHEAD_BYTES,
  compileSheet,
  conditionalFormatBytes,
  jsonBytes,
  queueConditionalFormat,
} from './compileSheet';
import type { Op } from './compileSheet';
import { WorkbookBlockedError, WriteInterruptedError, describeError } from './errors';
import type { OfficeDeps } from './officeRun';
import { WRITE_REQUIREMENTS, assertRequirements } from './requirements';
import { ASIDE_PREFIX, JOURNAL_SHEET, RESERVED_PREFIX, TEMP_PREFIX, isReserved, journalRows } from './swapJournal';
import type { JournalEntry, SheetVisibilityName } from './swapJournal';
import { queueUserContent } from './userContent';

export { TEMP_PREFIX } from './swapJournal';

/** Bytes per request: under Excel on the web's 5 MB, with room for Office's own envelope. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

interface ExistingSheet {
  sheet: Excel.Worksheet;
  name: string;
  visibility: string;
}

/**
 * Carries out the plan; returns, per old sheet of Interlock's it deleted, what people had put
 * there (notes, comments, pictures...), which went with it.
 */
export async function applyWritePlan(
  deps: OfficeDeps,
  plan: WritePlan,
  progress?: Progress,
): Promise<NotCarriedOver[]> {
  assertRequirements(deps.isSetSupported, WRITE_REQUIREMENTS, "write Interlock's results");
  checkPlanNames(plan);

  return deps.run(async (context) => {
    const wb = context.workbook;
    let syncs = 0;
    let expected = 4;
    const step = async (stage: string) => {
      await context.sync();
      syncs++;
      progress?.(syncs, Math.max(expected, syncs), stage);
    };

    // 1. What is there.
    const sheets = wb.worksheets.load('items/name,items/visibility');
    const tables = wb.tables.load('items/name');
    const bookProtection = wb.protection.load('protected');
    await step('Checking the workbook');
    if (sheets.items.some((s) => sheetKey(s.name) === sheetKey(JOURNAL_SHEET))) {
      throw new WorkbookBlockedError(
        'An earlier Interlock run was interrupted while replacing its sheets, and finishing it failed when the ' +
          'workbook was read. Nothing was changed. Check that the workbook is editable and run Interlock again: ' +
          'it finishes the earlier run first, keeping every row people typed.',
      );
    }

    // 2. Protection and existing rules, per sheet; what people put on the sheets that go.
    const existing = new Map<string, ExistingSheet>();
    for (const s of sheets.items) existing.set(sheetKey(s.name), { sheet: s, name: s.name, visibility: s.visibility });
    const planned = new Set(plan.sheets.map((s) => sheetKey(s.name)));
    const doomed = new Set([...plan.removeSheets.map(sheetKey), ...planned]);
    const queueChecks = () => ({
      protections: sheets.items.map((s) => s.protection.load('protected')),
      tableSheets: tables.items.map((t) => t.worksheet.load('name')),
      scanned: sheets.items
        .filter((s) => !doomed.has(sheetKey(s.name)) && !isReserved(s.name))
        .map((s) => ({ sheet: s, formats: s.getRange().conditionalFormats.load('items/type') })),
    });
    const going = sheets.items
      .filter((s) => doomed.has(sheetKey(s.name)) && !isReserved(s.name))
      .map((s) => ({ sheet: s, name: s.name, removed: !planned.has(sheetKey(s.name)) }));
    let checks = queueChecks();
    let userContent = queueUserContent(going, deps.isSetSupported);
    try {
      await step('Checking the workbook');
    } catch (e) {
      // The counts only inform: a host that refuses them (a set it claims and lacks) still gets
      // its write, one request later, without them. Any other failure fails again here.
      if (going.length === 0) throw e;
      checks = queueChecks();
      userContent = () => [];
      await step('Checking the workbook');
    }
    const { protections, tableSheets, scanned } = checks;
    const notCarriedOver = userContent();

    const protectedSheets = new Set(
      sheets.items.filter((_, i) => protections[i].protected).map((s) => sheetKey(s.name)),
    );
    checkWritable(
      plan,
      bookProtection.protected,
      existing,
      protectedSheets,
      tables.items.map((t, i) => ({ name: t.name, sheet: tableSheets[i].name })),
      doomed,
    );

    // 3. Build every planned sheet under a temporary name.
    const handles = new Map<PlannedSheet, Excel.Worksheet>();
    const compiled = plan.sheets.map((ps, i) => {
      const temp = `${TEMP_PREFIX}${i + 1}`;
      const sheetRef = () => {
        const h = handles.get(ps);
        if (!h) throw new Error(`Interlock: sheet ${ps.name} used before it was added`);
        return h;
      };
      const { build, swap } = compileSheet(ps, sheetRef);
      const add: Op = {
        bytes: ACTION_OVERHEAD_BYTES * 2,
        stage: `Writing ${ps.name}`,
        queue: () => {
          const h = wb.worksheets.add(temp);
          h.visibility = 'Hidden';
          handles.set(ps, h);
        },
      };
      return { ps, temp, build: [add, ...build], swap };
    });

    const leftovers = sheets.items.filter((s) => s.name.startsWith(TEMP_PREFIX));
    const ruleReads: { sheet: Excel.Worksheet; format: Excel.ConditionalFormat; formulas: () => string[] }[] = [];
    const firstBuild: Op = {
      bytes: ACTION_OVERHEAD_BYTES * (leftovers.length * 2 + scanned.length * 2),
      stage: 'Preparing',
      queue: () => {
        for (const s of leftovers) {
          if (s.visibility === 'VeryHidden') s.visibility = 'Hidden'; // Excel will not delete a very hidden sheet
          s.delete();
        }
        for (const { sheet, formats } of scanned) {
          if (protectedSheets.has(sheetKey(sheet.name))) continue;
          for (const format of formats.items) {
            if (format.type === 'Custom') {
              const rule = format.custom.rule.load('formula');
              ruleReads.push({ sheet, format, formulas: () => [rule.formula] });
            } else if (format.type === 'ColorScale') {
              const scale = format.colorScale.load('criteria');
              ruleReads.push({
                sheet,
                format,
                formulas: () => {
                  const c = scale.criteria;
                  return [c.minimum?.formula, c.midpoint?.formula, c.maximum?.formula].filter((f): f is string => !!f);
                },
              });
            }
          }
        }
      },
    };
    const buildBatches = pack([firstBuild, ...compiled.flatMap((c) => c.build)]);

    const swapOps = (): Op[] => {
      const ops: Op[] = [];
      const marker = plan.ownerMarker.trim().toLowerCase();
      // A custom rule without a formula is what an interrupted write leaves (added, formula not
      // yet set): Excel's own dialog cannot make one, so it is Interlock's to remove.
      const owned = ruleReads.filter((r) => {
        const formulas = r.formulas().filter((f): f is string => typeof f === 'string' && f !== '');
        if (r.format.type === 'Custom' && formulas.length === 0) return true;
        return !!marker && formulas.some((f) => f.toLowerCase().includes(marker));
      });
      // Old rules first: deleting the sheets they point at would turn the marker into #REF!.
      for (const r of [...owned].reverse()) {
        ops.push({ bytes: ACTION_OVERHEAD_BYTES, stage: 'Removing old warnings', queue: () => r.format.delete() });
      }
      // Old sheets go aside (the state sheet first, so nothing claims the old names), never
      // deleted before their replacements carry their names.
      const stateNames = plan.sheets.filter((s) => s.role === 'state').map((s) => sheetKey(s.name));
      const order = [...stateNames, ...plan.removeSheets.map(sheetKey), ...plan.sheets.map((s) => sheetKey(s.name))];
      const deleted = new Set<string>();
      const taken = new Set(sheets.items.map((s) => sheetKey(s.name)));
      let asideNumber = 0;
      const asideName = () => {
        let name: string;
        do name = `${ASIDE_PREFIX}${++asideNumber}`;
        while (taken.has(sheetKey(name)));
        return name;
      };
      const asides: { old: ExistingSheet; aside: string }[] = [];
      for (const key of order) {
        const old = existing.get(key);
        if (!old || deleted.has(key)) continue;
        deleted.add(key);
        asides.push({ old, aside: asideName() });
      }
      const journal: JournalEntry[] = [
        ...asides.map(({ old, aside }) => ({
          kind: 'old' as const,
          during: aside,
          final: old.name,
          visibility: old.visibility as SheetVisibilityName,
        })),
        ...compiled.map((c) => ({
          kind: 'new' as const,
          during: c.temp,
          final: c.ps.name,
          visibility: visibilityName(c.ps.visibility),
        })),
      ];
      const rows = journalRows(journal);
      ops.unshift({
        bytes: jsonBytes(rows) * 2 + ACTION_OVERHEAD_BYTES * 4,
        stage: 'Replacing sheets',
        queue: () => {
          const j = wb.worksheets.add(JOURNAL_SHEET);
          const range = j.getRangeByIndexes(0, 0, rows.length, rows[0].length);
          range.numberFormat = rows.map((r) => r.map(() => '@'));
          range.values = rows;
          j.visibility = 'VeryHidden';
        },
      });
      for (const { old, aside } of asides) {
        ops.push({
          bytes: ACTION_OVERHEAD_BYTES * 2 + aside.length,
          stage: 'Replacing sheets',
          queue: () => {
            old.sheet.name = aside;
            if (old.visibility === 'Visible') old.sheet.visibility = 'Hidden';
          },
        });
      }
      const rename = (c: (typeof compiled)[number]): Op => ({
        bytes: ACTION_OVERHEAD_BYTES * 2 + c.ps.name.length,
        stage: 'Replacing sheets',
        queue: () => {
          const h = handles.get(c.ps)!;
          h.name = c.ps.name;
          h.visibility = visibilityName(c.ps.visibility);
        },
      });
      const body = compiled.filter((c) => c.ps.role !== 'state');
      const state = compiled.filter((c) => c.ps.role === 'state');
      ops.push(...body.map(rename));
      // Every replacement has its name: the old sheets (and their table names) can go.
      for (const { old } of asides) {
        ops.push({
          bytes: ACTION_OVERHEAD_BYTES * 2,
          stage: 'Replacing sheets',
          queue: () => {
            if (old.visibility === 'VeryHidden') old.sheet.visibility = 'Hidden';
            old.sheet.delete();
          },
        });
      }
      for (const c of body) ops.push(...c.swap);
      plan.matrix.conditionalFormats.forEach((cf, i) => {
        ops.push({
          bytes: conditionalFormatBytes(cf),
          stage: 'Adding warnings to the matrix',
          queue: () => queueConditionalFormat(wb.worksheets.getItem(plan.matrix.sheet).getRange(cf.range), cf, i),
        });
      });
      // The state sheet says what is current: it comes last.
      for (const c of state) ops.push(rename(c), ...c.swap);
      const target = plan.activate ? activationTarget(plan, existing, handles, deleted) : null;
      if (target) ops.push({ bytes: ACTION_OVERHEAD_BYTES, stage: 'Done', queue: () => target().activate() });
      ops.push({
        bytes: ACTION_OVERHEAD_BYTES * 3,
        stage: 'Done',
        queue: () => {
          const j = wb.worksheets.getItem(JOURNAL_SHEET);
          j.visibility = 'Hidden';
          j.delete();
        },
      });
      return ops;
    };

    expected = 2 + buildBatches.length + 1;
    let phase: 'build' | 'swap' = 'build';
    try {
      for (const batch of buildBatches) {
        wb.application.suspendApiCalculationUntilNextSync();
        wb.application.suspendScreenUpdatingUntilNextSync();
        for (const op of batch) op.queue();

        await step(batch[batch.length - 1].stage);
      }
      phase = 'swap';
      const swapBatches = pack(swapOps());
      expected = syncs + swapBatches.length;
      for (const batch of swapBatches) {
        // Calculation stays on here: formulas written now must show results.
        wb.application.suspendScreenUpdatingUntilNextSync();
        for (const op of batch) op.queue();

        await step(batch[batch.length - 1].stage);
      }
    } catch (e) {
      if (phase === 'swap') {
        throw new WriteInterruptedError(
          `Interlock stopped while replacing its sheets: ${describeError(e)} Your own cells are unchanged, and no ` +
            'sheet of its own was deleted before its replacement was in place, so no typed cascade row is lost. ' +
            'Run it again: it finishes the replacement first.',
          e,
          false,
        );
      }
      const cleaned = await removeTemporary(context, [...handles.values()]);
      throw new WriteInterruptedError(
        `Interlock stopped while writing its results: ${describeError(e)} ` +
          (cleaned
            ? 'Nothing was changed: its previous results are as they were.'
            : `Its previous results are as they were; hidden sheets named ${TEMP_PREFIX}… may be left and will be removed on the next run.`),
        e,
        cleaned,
      );
    }
    return notCarriedOver;
  });
}

/** Groups operations into requests under the byte budget, keeping their order. */
export function pack(ops: Op[], budget = REQUEST_BUDGET_BYTES): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > budget) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function visibilityName(v: PlannedSheet['visibility']): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
  return v === 'hidden' ? 'Hidden' : v === 'veryHidden' ? 'VeryHidden' : 'Visible';
}

/** Names Excel would reject, or two planned sheets with one name, stop the plan before any write. */
function checkPlanNames(plan: WritePlan): void {
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    if (!isLegalSheetName(s.name))
      throw new WorkbookBlockedError(
        `Interlock cannot name a sheet "${s.name}": Excel does not accept that sheet name. Nothing was changed.`,
      );
    if (isReserved(s.name))
      throw new WorkbookBlockedError(
        `"${s.name}" starts with ${RESERVED_PREFIX}, which is reserved for Interlock's temporary sheets. Nothing was changed.`,
      );
    const key = sheetKey(s.name);
    if (seen.has(key))
      throw new WorkbookBlockedError(`The plan writes two sheets named "${s.name}". Nothing was changed.`);
    seen.add(key);
  }
  const matrixKey = sheetKey(plan.matrix.sheet);
  if (plan.matrix.sheet && (seen.has(matrixKey) || plan.removeSheets.some((n) => sheetKey(n) === matrixKey))) {
    throw new WorkbookBlockedError(
      `Interlock will not replace or remove the matrix sheet "${plan.matrix.sheet}". Nothing was changed.`,
    );
  }
}

function checkWritable(
  plan: WritePlan,
  bookProtected: boolean,
  existing: Map<string, ExistingSheet>,
  protectedSheets: Set<string>,
  tables: { name: string; sheet: string }[],
  doomed: Set<string>,
): void {
  const changesSheets = plan.sheets.length > 0 || plan.removeSheets.some((n) => existing.has(sheetKey(n)));
  if (bookProtected && changesSheets) {
    throw new WorkbookBlockedError(
      'The workbook structure is protected, so Interlock cannot add or remove its sheets. ' +
        'Unprotect it (Review › Protect Workbook) and run again. Nothing was changed.',
    );
  }
  const matrixKey = sheetKey(plan.matrix.sheet);
  if (plan.matrix.sheet && !existing.has(matrixKey) && plan.matrix.conditionalFormats.length > 0) {
    throw new WorkbookBlockedError(
      `The matrix sheet "${plan.matrix.sheet}" is no longer in the workbook. Validate again. Nothing was changed.`,
    );
  }
  if (plan.matrix.sheet && protectedSheets.has(matrixKey)) {
    throw new WorkbookBlockedError(
      `The sheet "${existing.get(matrixKey)?.name ?? plan.matrix.sheet}" is protected, so Interlock cannot update its warnings there. ` +
        'Unprotect it (Review › Unprotect Sheet) and run again. Nothing was changed.',
    );
  }
  const planned = new Map(plan.sheets.flatMap((s) => s.tables.map((t) => [t.name.toUpperCase(), s.name] as const)));
  for (const t of tables) {
    if (planned.has(t.name.toUpperCase()) && !doomed.has(sheetKey(t.sheet))) {
      throw new WorkbookBlockedError(
        `A table named "${t.name}" already exists on "${t.sheet}", and Interlock needs that name for "${planned.get(t.name.toUpperCase())}". ` +
          'Rename the table and run again. Nothing was changed.',
      );
    }
  }
}

/** The sheet to show at the end, if it will be visible. */
function activationTarget(
  plan: WritePlan,
  existing: Map<string, ExistingSheet>,
  handles: Map<PlannedSheet, Excel.Worksheet>,
  deleted: Set<string>,
): (() => Excel.Worksheet) | null {
  const key = sheetKey(plan.activate ?? '');
  const ps = plan.sheets.find((s) => sheetKey(s.name) === key);
  if (ps) return ps.visibility === 'visible' ? () => handles.get(ps)! : null;
  const old = existing.get(key);
  return old && !deleted.has(key) && old.visibility === 'Visible' ? () => old.sheet : null;
}

/** Best effort after a failed build: remove the temporary sheets; true when that worked. */
async function removeTemporary(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<boolean> {
  if (sheets.length === 0) return true;
  try {
    const all = context.workbook.worksheets.load('items/name');
    await context.sync();
    const temps = all.items.filter((s) => s.name.startsWith(TEMP_PREFIX));
    for (const s of temps) s.delete();
    if (temps.length > 0) await context.sync();
    return true;
  } catch {
    return false;
  }
}
