/**
 * The recording fake as a browser's `Office` and `Excel` globals, holding a workbook snapshot:
 * the e2e answers the request for Microsoft's office.js with this (bundled), so the built pane
 * runs its Excel mode for real. The fake stays reachable as `window.__interlockFake` for the
 * e2e's assertions (what was selected, which sheets exist, what settings were saved).
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { FakeExcel } from './fakeExcel';

/** A FakeExcel holding the snapshot's sheets, tables, names and document settings. */
export function fakeFromSnapshot(snapshot: WorkbookSnapshot, options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const excel = new FakeExcel(options);
  if (snapshot.name) excel.name = snapshot.name;
  for (const s of snapshot.sheets) {
    const sheet = excel.addSheet(s.name, s.values, s.origin);
    sheet.visibility = s.visibility === 'hidden' ? 'Hidden' : s.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
    sheet.protected = s.protected;
    sheet.merges = [...s.merges];
    sheet.tables = s.tables.map((t) => ({ name: t.name, range: t.range, showHeaders: t.hasHeaderRow }));
  }
  for (const n of snapshot.names) {
    const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(n.sheet) ? n.sheet : `'${n.sheet.replace(/'/g, "''")}'`;
    excel.names.push({ name: n.name, type: 'Range', value: `=${q}!${n.range}` });
  }
  for (const [k, v] of Object.entries(snapshot.documentSettings ?? {})) excel.settings.set(k, v);
  excel.activeSheet = excel.sheets.find((s) => s.visibility === 'Visible')?.name;
  return excel;
}

/** Installs `Office` and `Excel` on `target` (the page's window) around a fake workbook. */
export function installFakeOffice(target: Record<string, unknown>, snapshot: WorkbookSnapshot, syncDelayMs = 0) {
  const excel = fakeFromSnapshot(snapshot, { syncDelayMs });
  const HostType = { Excel: 'Excel', Word: 'Word' };
  target.Office = {
    HostType,
    onReady: () => Promise.resolve({ host: HostType.Excel, platform: 'OfficeOnline' }),
    context: { requirements: { isSetSupported: excel.isSetSupported } },
  };
  target.Excel = { run: excel.run };
  target.__interlockFake = excel;
  return excel;
}
