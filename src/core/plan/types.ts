/**
 * A WritePlan: everything Interlock will write into a workbook, as plain data. Core builds it
 * from a report; each host adapter (Office.js, ExcelJS) carries it out. Nothing in a plan ever
 * targets a cell the user typed: the matrix only receives conditional-format rules.
 */

/** A value written as data. Strings are always written as text, never parsed as formulas. */
export type PlanValue = string | number | boolean | null | { date: string };

export type CellStyle = 'title' | 'header' | 'error' | 'warning' | 'info' | 'pass' | 'changed' | 'muted' | 'input';

export interface PlanCell {
  value?: PlanValue;
  /** An English formula without the leading `=`, A1 references. Only for cells Interlock owns. */
  formula?: string;
  /** An internal link to a cell. */
  link?: { sheet: string; address: string };
  style?: CellStyle;
  /** Number format, e.g. `0%`, `yyyy-mm-dd`. */
  numberFormat?: string;
  wrap?: boolean;
}

export interface PlannedTable {
  name: string;
  /** A1 range including the header row. */
  range: string;
  style: string;
}

/**
 * A list drop-down: values come from a range formula such as `$A$2:$A$40` on the same sheet, or
 * from a literal list in double quotes, `"Team goal,Individual KPI"` (as Excel writes both).
 */
export interface PlannedValidation {
  range: string;
  listSource: string;
  /** Let people type a value that is not in the list (they may add a parent later). */
  allowOther: boolean;
  prompt?: string;
}

export type Fill = string; // `#RRGGBB`

export type PlannedConditionalFormat =
  | {
      kind: 'expression';
      /** What the rule shows, for people and for tests. */
      label: 'error' | 'warning' | 'info' | 'changed' | 'orphan' | string;
      range: string;
      /** English formula without `=`, relative to the range's top-left cell. */
      formula: string;
      fill: Fill;
      fontColor?: Fill;
      stopIfTrue: boolean;
    }
  | {
      kind: 'colorScale';
      label: string;
      range: string;
      min: Fill;
      mid?: Fill;
      max: Fill;
      /**
       * Optional fixed numbers for the three points (Excel's `num` type); without them the scale
       * runs from the range's lowest to highest value (and the midpoint at the 50th percentile).
       */
      minValue?: number;
      midValue?: number;
      maxValue?: number;
    };

export type OwnedSheetRole = 'findings' | 'summary' | 'overview' | 'cascade' | 'state' | 'checked';

export interface PlannedSheet {
  name: string;
  role: OwnedSheetRole;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Dense block of cells starting at A1: rows[r][c]. `undefined` entries are left empty. */
  rows: (PlanCell | undefined)[][];
  columnWidths?: number[];
  freeze?: { rows: number; cols: number };
  tables: PlannedTable[];
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  tabColor?: Fill;
}

export interface WritePlan {
  /**
   * Text present in every conditional-format formula Interlock writes (a reference to its own
   * hidden sheet), so an adapter can find its previous rules on the matrix and replace only those.
   * Adapters remove such rules from every sheet, not only `matrix.sheet`: the matrix may have
   * moved since the previous run, and a clear plan must remove them wherever they are.
   */
  ownerMarker: string;
  /** Sheets a previous run owned (from its state sheet) that this plan no longer writes. */
  removeSheets: string[];
  /** Sheets to create or replace; each replaces the previous owned sheet of the same name. */
  sheets: PlannedSheet[];
  /** Rules on the user's matrix sheet; previous owned rules there are removed first. */
  matrix: { sheet: string; range: string; conditionalFormats: PlannedConditionalFormat[] };
  /** The sheet to show the user when done. */
  activate?: string;
}
