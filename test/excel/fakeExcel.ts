/**
 * A recording fake of exactly the Excel JavaScript API surface the Office adapter uses.
 *
 * It behaves like Office.js where that matters for correctness: calls are queued and only run at
 * `context.sync()`, in order; a failing action stops its batch (earlier actions stay applied);
 * properties can only be read after `load()` and a sync; `values` parses text the way Excel does
 * (`=x` becomes a formula, `12` a number) unless the cell is text-formatted; a very hidden sheet
 * cannot be deleted; protection blocks writes. It counts syncs, records every call in order, and
 * measures each request's payload (the JSON of the queued actions and their arguments) and each
 * response's payload (the JSON of what was loaded), refusing either over the 5 MB web limit.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  error?: boolean;
  numberFormat: string;
  formula?: string;
}

export interface FakeConditionalFormat {
  id: number;
  type: 'Custom' | 'ColorScale';
  range: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
  criteria?: unknown;
}

export interface FakeTable {
  name: string;
  range: string;
  showHeaders: boolean;
  style?: string;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, FakeCell>;
  merges: string[];
  tables: FakeTable[];
  names: { name: string; type: string; value: string }[];
  conditionalFormats: FakeConditionalFormat[];
  validations: { range: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown }[];
  formats: { address: string; property: string; value: unknown }[];
  hyperlinks: { address: string; value: unknown }[];
  columnWidths: Map<number, number>;
  frozen?: { rows: number; cols: number };
  tabColor?: string;
  /** What people put on the sheet besides cells: threaded comments and notes (by cell), shapes, charts. */
  comments: string[];
  notes: string[];
  /** A chart is listed here too, as Excel may list it among the shapes (type `Unsupported`). */
  shapes: { name: string; type: 'Image' | 'GeometricShape' | 'Group' | 'Line' | 'Unsupported' }[];
  charts: { name: string }[];
}

export interface RecordedCall {
  sync: number;
  action: string;
  target: string;
  bytes: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  failed?: string;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const KEY = 16384;
const key = (r: number, c: number) => r * KEY + c;
const colName = (c: number): string => {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const a1 = (r: number, c: number) => `${colName(c)}${r + 1}`;
const colIndex = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** `B2`, `B2:F9`, `A:C`, `3:5`, `$A$1`; no sheet part. */
export function parseBox(address: string): Box {
  const clean = address.replace(/\$/g, '').replace(/^.*!/, '');
  const [a, b = a] = clean.split(':');
  const part = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
    return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const s = part(a);
  const e = part(b);
  return {
    r0: s.r ?? 0,
    c0: s.c ?? 0,
    r1: e.r ?? 1048575,
    c1: e.c ?? 16383,
  };
}

const boxAddress = (b: Box) =>
  b.r0 === b.r1 && b.c0 === b.c1 ? a1(b.r0, b.c0) : `${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`;
const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const intersects = (a: Box, b: Box) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
// TextEncoder rather than Buffer: the e2e bundles this fake into a browser page.
const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s).length;

export interface FakeOptions {
  /** Request and response limit in bytes (Excel on the web: 5 MB); 0 for none. */
  limitBytes?: number;
  /** Throw this from the action, when it returns one (fault injection). */
  failWhen?: (call: RecordedCall) => Error | undefined;
  /**
   * Requirement sets reported as supported: by default `ExcelApi 1.18` and lower, every set the
   * adapter asks for. A string for minor versions a number cannot tell apart (`'1.10'` is not
   * `'1.1'`); versions compare part by part, so `'1.18'` is above `'1.9'`.
   */
  apiVersion?: number | string;
  /** Milliseconds each sync takes (the e2e slows the fake down so progress can be seen). */
  syncDelayMs?: number;
}

/** The workbook model plus everything the fake recorded. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  names: { name: string; type: string; value: string }[] = [];
  settings = new Map<string, unknown>();
  structureProtected = false;
  name = 'Book1.xlsx';
  activeSheet?: string;
  /** The selected range as `Sheet!A1` (set by Range.select). */
  selected?: string;
  calls: RecordedCall[] = [];
  syncs: SyncRecord[] = [];
  /** Actions still queued when Excel.run returned (Office would drop them). */
  unsynced = 0;
  suspended: { calc: number; screen: number } = { calc: 0, screen: 0 };
  private nextId = 1;
  readonly limitBytes: number;

  constructor(readonly options: FakeOptions = {}) {
    this.limitBytes = options.limitBytes ?? 5_000_000;
  }

  addSheet(name: string, rows: unknown[][] = [], at: { row: number; col: number } = { row: 0, col: 0 }): FakeSheet {
    const sheet: FakeSheet = {
      id: this.nextId++,
      name,
      visibility: 'Visible',
      protected: false,
      cells: new Map(),
      merges: [],
      tables: [],
      names: [],
      conditionalFormats: [],
      validations: [],
      formats: [],
      hyperlinks: [],
      columnWidths: new Map(),
      comments: [],
      notes: [],
      shapes: [],
      charts: [],
    };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell: FakeCell = { value: null, numberFormat: 'General' };
        if (typeof v === 'object' && v && 'date' in v) {
          const iso = (v as { date: string }).date;
          cell.value = Math.round(
            (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86400000,
          );
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (typeof v === 'object' && v && 'error' in v) {
          cell.value = (v as { error: string }).error;
          cell.error = true;
        } else if (typeof v === 'object' && v && 'formula' in v) {
          cell.formula = (v as { formula: string }).formula;
          cell.value = (v as { value?: string | number }).value ?? 0;
        } else cell.value = v as string | number | boolean;
        sheet.cells.set(key(at.row + r, at.col + c), cell);
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  newId(): number {
    return this.nextId++;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const b = parseBox(address);
    return this.sheet(sheet)?.cells.get(key(b.r0, b.c0));
  }

  /** What a user sees in a cell: its value, or the formula text when there is one. */
  shown(sheet: string, address: string): unknown {
    const c = this.cell(sheet, address);
    return c?.formula ?? c?.value ?? null;
  }

  isSetSupported = (name: string, version?: string): boolean => {
    const parts = (v: string) => v.split('.').map(Number);
    const [major, minor = 0] = parts(version ?? '1.1');
    const [hasMajor, hasMinor = 0] = parts(String(this.options.apiVersion ?? '1.18'));
    return name === 'ExcelApi' && (major < hasMajor || (major === hasMajor && minor <= hasMinor));
  };

  /** Office fails a request that uses an API the host lacks; so does the fake. */
  guardApi(version: string, what: string): void {
    if (!this.isSetSupported('ExcelApi', version))
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  /** A chart on the sheet, listed among its charts and (as Excel may) among its shapes. */
  addChart(sheet: FakeSheet, name: string): void {
    sheet.charts.push({ name });
    sheet.shapes.push({ name, type: 'Unsupported' });
  }

  /** Excel.run: one request context per call. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      this.unsynced += ctx.pending.length;
    }
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  // ---- model helpers used by the proxies ----

  usedBox(sheet: FakeSheet): Box | null {
    let box: Box | null = null;
    for (const [k, cell] of sheet.cells) {
      if ((cell.value === null || cell.value === '') && !cell.formula) continue;
      const r = Math.floor(k / KEY);
      const c = k % KEY;
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      }
    }
    return box;
  }

  guardSheet(sheet: FakeSheet, what: string): void {
    if (sheet.protected) throw new FakeOfficeError('AccessDenied', `${what}: the sheet ${sheet.name} is protected`);
  }

  guardStructure(what: string): void {
    if (this.structureProtected)
      throw new FakeOfficeError('AccessDenied', `${what}: the workbook structure is protected`);
  }

  writeGrid(sheet: FakeSheet, box: Box, grid: unknown[][], mode: 'values' | 'formulas' | 'numberFormat'): void {
    this.guardSheet(sheet, mode);
    if (grid.length !== box.r1 - box.r0 + 1 || grid.some((r) => r.length !== box.c1 - box.c0 + 1)) {
      throw new FakeOfficeError('InvalidArgument', `${mode}: array does not match the range ${boxAddress(box)}`);
    }
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null || v === undefined) return; // Office: null leaves the cell unchanged
        const k = key(box.r0 + i, box.c0 + j);
        const cell = sheet.cells.get(k) ?? { value: null, numberFormat: 'General' };
        if (mode === 'numberFormat') cell.numberFormat = String(v);
        else if (typeof v === 'string' && v.length > 32767)
          throw new FakeOfficeError('InvalidArgument', 'text longer than 32,767 characters');
        else if (cell.numberFormat === '@' && mode === 'values') {
          cell.value = typeof v === 'string' ? v : String(v);
          delete cell.formula;
        } else if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
          cell.formula = v;
          cell.value = 0;
        } else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) {
          cell.value = Number(v); // Excel parses numeric text written to a General cell
          delete cell.formula;
        } else {
          cell.value = v as string | number | boolean;
          delete cell.formula;
        }
        sheet.cells.set(k, cell);
      }),
    );
  }
}

type Action = { name: string; target: string; args: unknown; run: () => void; load?: () => unknown };

class FakeContext {
  pending: Action[] = [];
  workbook: FakeWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(name: string, target: string, args: unknown, run: () => void): void {
    this.pending.push({ name, target, args, run });
  }

  queueLoad(name: string, target: string, load: () => unknown): void {
    this.pending.push({ name, target, args: null, run: () => undefined, load });
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const index = this.excel.syncs.length;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, actions: batch.length };
    this.excel.syncs.push(record);
    const calls = batch.map((a) => {
      const bytes = utf8(JSON.stringify({ n: a.name, t: a.target, a: a.args }) ?? '');
      return { sync: index, action: a.name, target: a.target, bytes };
    });
    record.requestBytes = calls.reduce((n, c) => n + c.bytes, 0);
    const limit = this.excel.limitBytes;
    if (limit && record.requestBytes > limit) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes`);
    }
    await (this.excel.options.syncDelayMs
      ? new Promise((ok) => setTimeout(ok, this.excel.options.syncDelayMs))
      : Promise.resolve());
    const loads: (() => void)[] = [];
    for (let i = 0; i < batch.length; i++) {
      const call = calls[i];
      this.excel.calls.push(call);
      try {
        const injected = this.excel.options.failWhen?.(call);
        if (injected) throw injected;
        batch[i].run();
        if (batch[i].load) {
          const data = batch[i].load!();
          record.responseBytes += utf8(JSON.stringify(data) ?? '');
          loads.push(() => undefined);
        }
      } catch (e) {
        record.failed = e instanceof FakeOfficeError ? e.code : String(e);
        throw e;
      }
    }
    if (limit && record.responseBytes > limit) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`);
    }
    this.excel.suspended.calc = 0;
    this.excel.suspended.screen = 0;
  }
}

/** Properties set by load(); reading one that was not loaded throws, as Office.js does. */
class Loadable {
  protected data: Record<string, unknown> = {};
  private loaded = new Set<string>();

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  protected read(prop: string): unknown {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${this.path}.${prop} was read without load() and sync()`);
    return this.data[prop];
  }

  /** Fills the requested properties from the model; called when the load action runs. */
  protected fill(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) {
      out[p] = this.current(p);
      this.data[p] = out[p];
      this.loaded.add(p);
    }
    return out;
  }

  protected current(prop: string): unknown {
    throw new Error(`fake: ${this.path} cannot load ${prop}`);
  }

  load(spec?: string): this {
    const props = (spec ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    this.ctx.queueLoad('load', `${this.path}[${props.join(',')}]`, () => this.fill(props));
    return this;
  }
}

class FakeCollection<T extends Loadable> {
  private list: T[] | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    private readonly enumerate: () => T[],
  ) {}

  get items(): T[] {
    if (!this.list) throw new Error(`PropertyNotLoaded: ${this.path}.items`);
    return this.list;
  }

  load(spec: string): this {
    const props = spec
      .split(',')
      .map((s) => s.trim().replace(/^items\//, ''))
      .filter(Boolean);
    this.ctx.queueLoad('load', `${this.path}[${props.join(',')}]`, () => {
      this.list = this.enumerate();
      return this.list.map((item) => (item as unknown as { fill(p: string[]): unknown }).fill(props));
    });
    return this;
  }

  /** A ClientResult: `value` can be read only after the sync. */
  getCount(): { readonly value: number } {
    let value: number | undefined;
    this.ctx.queueLoad('load', `${this.path}.getCount()`, () => (value = this.enumerate().length));
    const path = this.path;
    return {
      get value(): number {
        if (value === undefined) throw new Error(`PropertyNotLoaded: ${path}.getCount() was read before sync()`);
        return value;
      },
    };
  }
}

/** A comment, note, shape or chart: what the adapter reads of one (name, type). */
class FakeDrawn extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly item: { name?: string; type?: string },
  ) {
    super(ctx, 'item');
  }
  protected override current(prop: string): unknown {
    if (prop === 'name' || prop === 'type') return this.item[prop];
    return super.current(prop);
  }
  get name(): string {
    return this.read('name') as string;
  }
  get type(): string {
    return this.read('type') as string;
  }
}

class FakeWorkbook extends Loadable {
  worksheets: FakeWorksheets;
  tables: FakeCollection<FakeTableProxy>;
  names: FakeCollection<FakeNamedItem>;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  protection: FakeWorkbookProtection;
  settings: { getItemOrNullObject(key: string): FakeSetting; add(key: string, value: unknown): void };

  constructor(ctx: FakeContext) {
    super(ctx, 'workbook');
    const x = ctx.excel;
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeCollection(ctx, 'workbook.tables', () =>
      x.sheets.flatMap((s) => s.tables.map((t) => new FakeTableProxy(ctx, s.id, t.name))),
    );
    this.names = new FakeCollection(ctx, 'workbook.names', () => x.names.map((n) => new FakeNamedItem(ctx, n)));
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.queue('suspendApiCalculationUntilNextSync', 'application', null, () => void x.suspended.calc++),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.queue('suspendScreenUpdatingUntilNextSync', 'application', null, () => void x.suspended.screen++),
    };
    this.protection = new FakeWorkbookProtection(ctx);
    this.settings = {
      getItemOrNullObject: (k: string) => new FakeSetting(ctx, k),
      add: (k: string, value: unknown) => ctx.queue('settings.add', k, { value }, () => void x.settings.set(k, value)),
    };
  }

  protected override current(prop: string): unknown {
    if (prop === 'name') return this.ctx.excel.name;
    return super.current(prop);
  }

  get name(): string {
    return this.read('name') as string;
  }

  /** The selection, or A1 of the active (else first) sheet when nothing was selected yet. */
  getSelectedRange(): FakeRange {
    const x = this.ctx.excel;
    const where = () => {
      const cut = x.selected ? x.selected.lastIndexOf('!') : -1;
      const [sheet, address] = x.selected
        ? [x.selected.slice(0, cut), x.selected.slice(cut + 1)]
        : [x.activeSheet ?? x.sheets[0]?.name, 'A1'];
      return { sheet: x.sheet(sheet ?? '')!, box: parseBox(address) };
    };
    const ws = new FakeWorksheet(this.ctx, () => where().sheet);
    return new FakeRange(this.ctx, ws, () => where().box);
  }
}

class FakeWorkbookProtection extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook.protection');
  }
  protected override current(prop: string): unknown {
    if (prop === 'protected') return this.ctx.excel.structureProtected;
    return super.current(prop);
  }
  get protected(): boolean {
    return this.read('protected') as boolean;
  }
}

class FakeSetting extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly k: string,
  ) {
    super(ctx, `settings(${k})`);
  }
  protected override current(prop: string): unknown {
    if (prop === 'value') return this.ctx.excel.settings.get(this.k) ?? null;
    if (prop === 'isNullObject') return !this.ctx.excel.settings.has(this.k);
    return super.current(prop);
  }
  override load(spec?: string): this {
    return super.load(`${spec},isNullObject`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get value(): unknown {
    return this.read('value');
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly n: { name: string; type: string; value: string },
  ) {
    super(ctx, `name(${n.name})`);
  }
  protected override current(prop: string): unknown {
    if (prop === 'name' || prop === 'type' || prop === 'value') return this.n[prop];
    return super.current(prop);
  }
  get name(): string {
    return this.read('name') as string;
  }
  get type(): string {
    return this.read('type') as string;
  }
  get value(): string {
    return this.read('value') as string;
  }
}

class FakeWorksheets extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets', () => ctx.excel.sheets.map((s) => new FakeWorksheet(ctx, () => s)));
  }

  add(name: string): FakeWorksheet {
    const x = this.ctx.excel;
    let created: FakeSheet | undefined;
    this.ctx.queue('worksheets.add', name, { name }, () => {
      x.guardStructure('add a sheet');
      if (x.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${name} exists`);
      created = x.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', `sheet ${name} was not added`);
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    let bound: FakeSheet | undefined;
    return new FakeWorksheet(this.ctx, () => {
      bound ??= this.ctx.excel.sheet(name);
      if (!bound) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
      return bound;
    });
  }
}

class FakeWorksheet extends Loadable {
  protection: Loadable & { readonly protected: boolean };
  names: FakeCollection<FakeNamedItem>;
  tables: { add(address: string, hasHeaders: boolean): { name: string; style: string } };
  freezePanes: { freezeAt(r: FakeRange): void; freezeRows(n: number): void; freezeColumns(n: number): void };

  constructor(
    ctx: FakeContext,
    readonly model: () => FakeSheet,
  ) {
    super(ctx, 'worksheet');
    const self = this;
    const protection = new (class extends Loadable {
      protected override current(prop: string): unknown {
        if (prop === 'protected') return self.model().protected;
        return super.current(prop);
      }
      get protected(): boolean {
        return this.read('protected') as boolean;
      }
    })(ctx, 'worksheet.protection');
    this.protection = protection;
    this.names = new FakeCollection(ctx, 'worksheet.names', () =>
      this.model().names.map((n) => new FakeNamedItem(ctx, n)),
    );
    this.tables = {
      add: (address: string, hasHeaders: boolean) => {
        const table: FakeTable = { name: '', range: address, showHeaders: hasHeaders };
        ctx.queue('tables.add', this.label(), { address, hasHeaders }, () => {
          const s = this.model();
          ctx.excel.guardSheet(s, 'add a table');
          const box = parseBox(address);
          for (const other of ctx.excel.sheets.flatMap((o) => o.tables.filter(() => o === s))) {
            if (intersects(parseBox(other.range), box)) throw new FakeOfficeError('InvalidArgument', 'tables overlap');
          }
          table.name = `Table${ctx.excel.newId()}`;
          s.tables.push(table);
        });
        const tableNameTaken = (n: string) =>
          ctx.excel.sheets.some((o) => o.tables.some((t) => t !== table && t.name.toUpperCase() === n.toUpperCase()));
        return {
          set name(n: string) {
            ctx.queue('table.name', n, { n }, () => {
              if (tableNameTaken(n)) throw new FakeOfficeError('ItemAlreadyExists', `a table named ${n} exists`);
              table.name = n;
            });
          },
          set style(v: string) {
            ctx.queue('table.style', v, { v }, () => void (table.style = v));
          },
        };
      },
    };
    const freeze = (rows: number, cols: number) =>
      ctx.queue('freezePanes', this.label(), { rows, cols }, () => void (this.model().frozen = { rows, cols }));
    this.freezePanes = {
      freezeAt: (r: FakeRange) => {
        ctx.queue('freezePanes.freezeAt', this.label(), null, () => {
          const b = r.box();
          this.model().frozen = { rows: b.r1 + 1, cols: b.c1 + 1 };
        });
      },
      freezeRows: (n: number) => freeze(n, 0),
      freezeColumns: (n: number) => freeze(0, n),
    };
  }

  label(): string {
    try {
      return this.model().name;
    } catch {
      return '(pending sheet)';
    }
  }

  /** A collection of what people put on the sheet, usable only where the host has `version`. */
  private drawn(kind: 'comments' | 'notes' | 'shapes' | 'charts', version: string): FakeCollection<FakeDrawn> {
    return new FakeCollection(this.ctx, `${this.label()}.${kind}`, () => {
      this.ctx.excel.guardApi(version, `worksheet.${kind}`);
      const list: { name?: string; type?: string }[] =
        kind === 'comments' || kind === 'notes' ? this.model()[kind].map((name) => ({ name })) : this.model()[kind];
      return list.map((item) => new FakeDrawn(this.ctx, item));
    });
  }
  get comments(): FakeCollection<FakeDrawn> {
    return this.drawn('comments', '1.10');
  }
  get notes(): FakeCollection<FakeDrawn> {
    return this.drawn('notes', '1.18');
  }
  get shapes(): FakeCollection<FakeDrawn> {
    return this.drawn('shapes', '1.9');
  }
  get charts(): FakeCollection<FakeDrawn> {
    return this.drawn('charts', '1.1');
  }

  protected override current(prop: string): unknown {
    const s = this.model();
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.ctx.excel.sheets.indexOf(s);
    return super.current(prop);
  }

  get name(): string {
    return this.read('name') as string;
  }
  set name(v: string) {
    this.ctx.queue('worksheet.name', this.label(), { v }, () => {
      const x = this.ctx.excel;
      x.guardStructure('rename a sheet');
      const s = this.model();
      const clash = x.sheet(v);
      if (clash && clash !== s) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${v} exists`);
      s.name = v;
    });
  }
  get position(): number {
    return this.read('position') as number;
  }
  get visibility(): FakeSheet['visibility'] {
    return this.read('visibility') as FakeSheet['visibility'];
  }
  set visibility(v: FakeSheet['visibility']) {
    this.ctx.queue('worksheet.visibility', this.label(), { v }, () => {
      this.ctx.excel.guardStructure('hide or show a sheet');
      this.model().visibility = v;
    });
  }
  set tabColor(v: string) {
    this.ctx.queue('worksheet.tabColor', this.label(), { v }, () => void (this.model().tabColor = v));
  }

  delete(): void {
    this.ctx.queue('worksheet.delete', this.label(), null, () => {
      const x = this.ctx.excel;
      x.guardStructure('delete a sheet');
      const s = this.model();
      if (s.visibility === 'VeryHidden')
        throw new FakeOfficeError('InvalidOperation', `cannot delete the very hidden sheet ${s.name}`);
      if (x.sheets.filter((o) => o.visibility === 'Visible' && o !== s).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      }
      x.sheets = x.sheets.filter((o) => o !== s);
      if (x.activeSheet === s.name) x.activeSheet = undefined;
    });
  }

  activate(): void {
    this.ctx.queue('worksheet.activate', this.label(), null, () => {
      const s = this.model();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.ctx.excel.activeSheet = s.name;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () =>
      address ? parseBox(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 },
    );
  }

  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }));
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, () => address.split(',').map((a) => parseBox(a)));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this, () => this.ctx.excel.usedBox(this.model()), true);
  }
}

class FakeFormat {
  fill: { color: string };
  font: { color: string; bold: boolean; italic: boolean; size: number };
  borders: { getItem(index: string): { style: string; color: string } };

  constructor(ctx: FakeContext, owner: { label(): string; sheet(): FakeSheet; address(): string }) {
    const set = (property: string) => (value: unknown) =>
      ctx.queue(`format.${property}`, owner.label(), { value }, () => {
        const s = owner.sheet();
        ctx.excel.guardSheet(s, 'format cells');
        s.formats.push({ address: owner.address(), property, value });
      });
    const setter = (obj: Record<string, unknown>, prop: string, name: string) =>
      Object.defineProperty(obj, prop, { set: set(name), enumerable: true });
    this.fill = {} as FakeFormat['fill'];
    setter(this.fill, 'color', 'fill.color');
    this.font = {} as FakeFormat['font'];
    for (const p of ['color', 'bold', 'italic', 'size']) setter(this.font, p, `font.${p}`);
    this.borders = {
      getItem: (index: string) => {
        const edge = {} as { style: string; color: string };
        for (const p of ['style', 'color']) setter(edge, p, `borders.${index}.${p}`);
        return edge;
      },
    };
    setter(this as unknown as Record<string, unknown>, 'wrapText', 'wrapText');
    setter(this as unknown as Record<string, unknown>, 'columnWidth', 'columnWidth');
  }
}

class FakeRangeAreas extends Loadable {
  format: FakeFormat;

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly boxes: () => Box[] | null,
  ) {
    super(ctx, 'rangeAreas');
    this.format = new FakeFormat(ctx, {
      label: () => ws.label(),
      sheet: () => ws.model(),
      address: () => (this.boxes() ?? []).map(boxAddress).join(','),
    });
  }

  protected override current(prop: string): unknown {
    const boxes = this.boxes();
    if (prop === 'isNullObject') return boxes === null || boxes.length === 0;
    if (prop === 'address')
      return (boxes ?? [])
        .map((b) => `${quote(this.ws.model().name)}!${boxAddress(b).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`)
        .join(',');
    return super.current(prop);
  }

  override load(spec?: string): this {
    return super.load(`${spec},isNullObject`);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get address(): string {
    return this.read('address') as string;
  }
}

class FakeRange extends Loadable {
  format: FakeFormat;
  conditionalFormats: FakeConditionalFormats;
  dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown };

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    readonly boxOrNull: () => Box | null,
    private readonly nullable = false,
  ) {
    super(ctx, 'range');
    this.format = new FakeFormat(ctx, {
      label: () => ws.label(),
      sheet: () => ws.model(),
      address: () => boxAddress(this.box()),
    });
    this.conditionalFormats = new FakeConditionalFormats(ctx, this);
    const dv = {} as { rule: unknown; errorAlert: unknown; prompt: unknown };
    for (const p of ['rule', 'errorAlert', 'prompt'] as const) {
      Object.defineProperty(dv, p, {
        set: (value: unknown) => {
          ctx.queue(`dataValidation.${p}`, ws.label(), value, () => {
            const s = ws.model();
            ctx.excel.guardSheet(s, 'set data validation');
            const address = boxAddress(this.box());
            let entry = s.validations.find((v) => v.range === address);
            if (!entry) s.validations.push((entry = { range: address }));
            entry[p] = value;
          });
        },
      });
    }
    this.dataValidation = dv;
  }

  box(): Box {
    const b = this.boxOrNull();
    if (!b) throw new FakeOfficeError('ItemNotFound', 'range is a null object');
    return b;
  }

  label(): string {
    return `${this.ws.label()}!${(() => {
      try {
        return boxAddress(this.box());
      } catch {
        return '?';
      }
    })()}`;
  }

  override load(spec?: string): this {
    return super.load(this.nullable ? `${spec},isNullObject` : spec);
  }

  protected override current(prop: string): unknown {
    const b = this.boxOrNull();
    if (prop === 'isNullObject') return b === null;
    if (!b) return null;
    const s = this.ws.model();
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const line: T[] = [];
        for (let c = b.c0; c <= b.c1; c++) line.push(f(s.cells.get(key(r, c))));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return `${quote(s.name)}!${boxAddress(b)}`;
      case 'rowIndex':
        return b.r0;
      case 'columnIndex':
        return b.c0;
      case 'rowCount':
        return b.r1 - b.r0 + 1;
      case 'columnCount':
        return b.c1 - b.c0 + 1;
      case 'values':
        return grid((c) => (c ? (c.value ?? '') : ''));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'valueTypes':
        return grid((c) => {
          if (!c || c.value === null || c.value === '') return 'Empty';
          if (c.error) return 'Error';
          if (typeof c.value === 'number') return 'Double';
          if (typeof c.value === 'boolean') return 'Boolean';
          return 'String';
        });
      default:
        return super.current(prop);
    }
  }

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get address(): string {
    return this.read('address') as string;
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }
  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.ctx.queue('range.values', this.label(), v, () =>
      this.ctx.excel.writeGrid(this.ws.model(), this.box(), v, 'values'),
    );
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes') as string[][];
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat') as string[][];
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue('range.numberFormat', this.label(), v, () =>
      this.ctx.excel.writeGrid(this.ws.model(), this.box(), v, 'numberFormat'),
    );
  }
  set formulas(v: unknown[][]) {
    this.ctx.queue('range.formulas', this.label(), v, () =>
      this.ctx.excel.writeGrid(this.ws.model(), this.box(), v, 'formulas'),
    );
  }
  set hyperlink(v: unknown) {
    this.ctx.queue('range.hyperlink', this.label(), v, () => {
      const s = this.ws.model();
      this.ctx.excel.guardSheet(s, 'add a hyperlink');
      s.hyperlinks.push({ address: boxAddress(this.box()), value: v });
    });
  }

  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.box();
      return { r0: b.r0 + r, c0: b.c0 + c, r1: b.r0 + r, c1: b.c0 + c };
    });
  }

  getResizedRange(dr: number, dc: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.box();
      return { r0: b.r0, c0: b.c0, r1: b.r1 + dr, c1: b.c1 + dc };
    });
  }

  select(): void {
    this.ctx.queue('range.select', this.label(), null, () => {
      const s = this.ws.model();
      if (this.ctx.excel.activeSheet !== s.name)
        throw new FakeOfficeError('InvalidSelection', `select on ${s.name}, which is not the active sheet`);
      this.ctx.excel.selected = `${s.name}!${boxAddress(this.box())}`;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      const b = this.box();
      return this.ws
        .model()
        .merges.map((m) => parseBox(m))
        .filter((m) => intersects(m, b));
    });
  }

  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    if (type !== 'Formulas') throw new Error(`fake: special cells ${type} not modelled`);
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      const out: Box[] = [];
      for (const [k, c] of this.ws.model().cells) {
        if (!c.formula) continue;
        const r = Math.floor(k / KEY);
        const col = k % KEY;
        out.push({ r0: r, c0: col, r1: r, c1: col });
      }
      return out;
    });
  }
}

class FakeConditionalFormats {
  private list: FakeConditionalFormatProxy[] | null = null;

  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}

  get items(): FakeConditionalFormatProxy[] {
    if (!this.list) throw new Error('PropertyNotLoaded: conditionalFormats.items');
    return this.list;
  }

  load(spec: string): this {
    const props = spec.split(',').map((s) => s.trim().replace(/^items\//, ''));
    this.ctx.queueLoad('load', `conditionalFormats[${props.join(',')}]`, () => {
      const s = this.range.ws.model();
      const box = this.range.box();
      this.list = s.conditionalFormats
        .filter((cf) => intersects(parseBox(cf.range), box))
        .map((cf) => new FakeConditionalFormatProxy(this.ctx, this.range.ws, () => cf));
      return this.list.map((p) => p.fillPublic(props));
    });
    return this;
  }

  add(type: 'Custom' | 'ColorScale'): FakeConditionalFormatProxy {
    let created: FakeConditionalFormat | undefined;
    const ws = this.range.ws;
    this.ctx.queue('conditionalFormats.add', this.range.label(), { type }, () => {
      const s = ws.model();
      this.ctx.excel.guardSheet(s, 'add a conditional format');
      created = { id: this.ctx.excel.newId(), type, range: boxAddress(this.range.box()) };
      s.conditionalFormats.unshift(created); // Excel puts a new rule first
    });
    return new FakeConditionalFormatProxy(this.ctx, ws, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'conditional format was not added');
      return created;
    });
  }
}

class FakeConditionalFormatProxy extends Loadable {
  custom: { rule: Loadable & { formula: string }; format: FakeFormat };
  colorScale: Loadable & { criteria: unknown };

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly model: () => FakeConditionalFormat,
  ) {
    super(ctx, 'conditionalFormat');
    const self = this;
    const guard = () => ctx.excel.guardSheet(ws.model(), 'change a conditional format');
    const rule = new (class extends Loadable {
      protected override current(prop: string): unknown {
        if (prop === 'formula') {
          const m = self.model();
          if (m.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'not a custom rule');
          return m.formula;
        }
        return super.current(prop);
      }
      get formula(): string {
        return this.read('formula') as string;
      }
      set formula(v: string) {
        ctx.queue('custom.rule.formula', ws.label(), { v }, () => {
          guard();
          self.model().formula = v;
        });
      }
    })(ctx, 'custom.rule');
    const format = {
      fill: {} as { color: string },
      font: {} as { color: string },
    };
    Object.defineProperty(format.fill, 'color', {
      set: (v: string) => {
        ctx.queue('custom.format.fill.color', ws.label(), { v }, () => void (self.model().fill = v));
      },
    });
    Object.defineProperty(format.font, 'color', {
      set: (v: string) => {
        ctx.queue('custom.format.font.color', ws.label(), { v }, () => void (self.model().fontColor = v));
      },
    });
    this.custom = { rule, format: format as unknown as FakeFormat };
    this.colorScale = new (class extends Loadable {
      protected override current(prop: string): unknown {
        if (prop === 'criteria') return self.model().criteria;
        return super.current(prop);
      }
      get criteria(): unknown {
        return this.read('criteria');
      }
      set criteria(v: unknown) {
        ctx.queue('colorScale.criteria', ws.label(), v, () => {
          guard();
          self.model().criteria = v;
        });
      }
    })(ctx, 'colorScale');
  }

  fillPublic(props: string[]): Record<string, unknown> {
    return this.fill(props);
  }

  protected override current(prop: string): unknown {
    if (prop === 'type') return this.model().type;
    return super.current(prop);
  }

  get type(): string {
    return this.read('type') as string;
  }
  set stopIfTrue(v: boolean) {
    this.ctx.queue('conditionalFormat.stopIfTrue', this.ws.label(), { v }, () => void (this.model().stopIfTrue = v));
  }
  set priority(p: number) {
    this.ctx.queue('conditionalFormat.priority', this.ws.label(), { p }, () => {
      const list = this.ws.model().conditionalFormats;
      const m = this.model();
      list.splice(list.indexOf(m), 1);
      list.splice(Math.min(p, list.length), 0, m);
    });
  }

  delete(): void {
    this.ctx.queue('conditionalFormat.delete', this.ws.label(), null, () => {
      const s = this.ws.model();
      this.ctx.excel.guardSheet(s, 'delete a conditional format');
      const m = this.model();
      if (!s.conditionalFormats.includes(m))
        throw new FakeOfficeError('ItemNotFound', 'conditional format already deleted');
      s.conditionalFormats = s.conditionalFormats.filter((c) => c !== m);
    });
  }
}

class FakeTableProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetId: number,
    private readonly tableName: string,
  ) {
    super(ctx, `table(${tableName})`);
  }

  private model(): { sheet: FakeSheet; table: FakeTable } {
    const sheet = this.ctx.excel.sheets.find((s) => s.id === this.sheetId);
    const table = sheet?.tables.find((t) => t.name === this.tableName);
    if (!sheet || !table) throw new FakeOfficeError('ItemNotFound', `no table ${this.tableName}`);
    return { sheet, table };
  }

  protected override current(prop: string): unknown {
    const { table } = this.model();
    if (prop === 'name') return table.name;
    if (prop === 'showHeaders') return table.showHeaders;
    return super.current(prop);
  }

  get name(): string {
    return this.read('name') as string;
  }
  get showHeaders(): boolean {
    return this.read('showHeaders') as boolean;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.model().sheet);
  }
  getRange(): FakeRange {
    const ws = new FakeWorksheet(this.ctx, () => this.model().sheet);
    return new FakeRange(this.ctx, ws, () => parseBox(this.model().table.range));
  }
}
