/**
 * Carries out a WritePlan on a package: the owned sheets of the previous run are replaced in
 * place (same part, same tab position) or removed, new ones are appended, and on the user's
 * sheets only Interlock's own conditional-format rules change. Parts nobody touches (the user's
 * cells, charts, pivot tables, macros...) are copied into the output as stored.
 */
import type { WritePlan, PlannedSheet } from '../../core/plan/types';
import type { Package } from '../package/package';
import { relativeTarget, relsPartOf } from '../package/package';
import { ContentTypes, CONTENT_TYPE, Relationships } from '../package/parts';
import { readWorkbook, REL, type WorkbookInfo } from '../package/workbook';
import { elements, escapeAttr, prefixOf, removeAttribute, setAttribute, startTag } from '../package/xml';
import { reachableParts } from '../package/reach';
import { StyleBook } from './styles';
import { conditionalFormattingXml, tableXml, worksheetBytes } from './sheetXml';
import { insertRules, maxPriority, removeOwnedRules, unselectTab } from './sheetEdits';
import { describeUserContent } from './userContent';
import { notCarriedOverFor, type NotCarriedOver } from '../../core/plan/notCarriedOver';

export type { NotCarriedOver } from '../../core/plan/notCarriedOver';

const CONTENT_TYPES = '[Content_Types].xml';
const APP_PROPS = 'docProps/app.xml';

/** A sheet of the new workbook: a kept user sheet, a replaced owned one, or a new one. */
interface Slot {
  name: string;
  /** The `<sheet>` element to write. */
  tag: string;
  /** Index in the original tab order, or undefined for a new sheet. */
  oldIndex?: number;
  part?: string;
  planned?: PlannedSheet;
  relId: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Hands out free part names `<folder>/<stem>N.xml`, counting on from the last one given. */
function partNamer(pkg: Package): (folder: string, stem: string) => string {
  const next = new Map<string, number>();
  return (folder, stem) => {
    const key = `${folder}/${stem}`;
    for (let n = next.get(key) ?? 1; ; n++) {
      const part = `${key}${n}.xml`;
      if (!pkg.has(part)) {
        next.set(key, n + 1);
        return part;
      }
    }
  };
}

/**
 * Removes an owned sheet's own parts: its relationships and the tables they point to. What else
 * its relationships led to (notes, drawings...) is left for `dropUnreferenced`, which knows what
 * the rest of the package still uses; this says what it was, and which parts to look at.
 */
async function dropSheetParts(
  pkg: Package,
  types: ContentTypes,
  part: string,
  keepPart: boolean,
  leftBehind: Map<string, string>,
): Promise<string[]> {
  const rels = await pkg.relationships(part);
  const items = await describeUserContent(pkg, rels);
  const tables = rels.filter((r) => r.part && (r.type === REL.table || r.type.endsWith('/table')));
  // Tables go now (the new ones may take their names); what hangs off them is looked at later.
  const gone = new Set(tables.map((r) => r.part!.toLowerCase()));
  for (const [key, name] of await reachableParts(pkg, [part])) if (!gone.has(key)) leftBehind.set(key, name);
  for (const rel of tables) {
    if (rel.part) {
      pkg.remove(rel.part);
      pkg.remove(relsPartOf(rel.part));
      types.remove(rel.part);
    }
  }
  pkg.remove(relsPartOf(part));
  if (!keepPart) {
    pkg.remove(part);
    types.remove(part);
  }
  return items;
}

/**
 * Removes the parts only the old owned sheets used (comments, drawings and their charts and
 * pictures...): those no relationship left in the package leads to. A part something else still
 * uses (a picture also on a user's sheet, the workbook's list of people) stays.
 */
async function dropUnreferenced(pkg: Package, types: ContentTypes, leftBehind: Map<string, string>): Promise<void> {
  const candidates = [...leftBehind.values()].filter((p) => pkg.has(p));
  if (candidates.length === 0) return;
  const used = await reachableParts(pkg);
  for (const part of candidates) {
    if (used.has(part.toLowerCase())) continue;
    pkg.remove(part);
    pkg.remove(relsPartOf(part));
    types.remove(part);
  }
}

/** Table ids and names already used by tables Interlock does not replace. */
async function tablesInUse(pkg: Package, types: ContentTypes): Promise<{ ids: Set<number>; names: Set<string> }> {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const part of types.partsOf(CONTENT_TYPE.table)) {
    const xml = await pkg.text(part);
    if (!xml) continue;
    const root = startTag(xml, 'table');
    if (!root) continue;
    ids.add(Number(root.id) || 0);
    for (const n of [root.name, root.displayName]) if (n) names.add(n.toLowerCase());
  }
  return { ids, names };
}

/** Splices replacements into a text; edits must not overlap. */
function splice(text: string, edits: [number, number, string][]): string {
  let out = text;
  for (const [start, end, s] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + s + out.slice(end);
  return out;
}

function sheetTag(name: string, sheetId: number, relId: string, state: PlannedSheet['visibility']): string {
  const st = state === 'visible' ? '' : ` state="${state}"`;
  return `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${st} r:id="${relId}"/>`;
}

/** The workbook part with the new sheet list, names re-pointed, and the activated tab. */
function workbookXml(info: WorkbookInfo, slots: Slot[], removed: Set<number>, activeIndex: number | undefined): string {
  const { xml } = info;
  const edits: [number, number, string][] = [];
  const newIndex = new Map<number, number>();
  slots.forEach((s, i) => {
    if (s.oldIndex !== undefined) newIndex.set(s.oldIndex, i);
  });
  const sheetsBlock = elements(xml, 'sheets')[0];
  // Keep the prefix the part uses for the relationships namespace on r:id.
  const sheetsXml = slots.map((s) => s.tag).join('');
  edits.push([sheetsBlock.contentStart, sheetsBlock.contentEnd, sheetsXml]);
  const removedNames = info.sheets.filter((_, i) => removed.has(i)).map((s) => s.name.toLowerCase());
  for (const dn of info.definedNames) {
    const { found } = dn;
    const local = dn.localSheetId;
    const pointsAtRemoved = removedNames.some((n) => {
      const f = dn.formula.toLowerCase();
      return f.includes(`'${n.replace(/'/g, "''")}'!`) || f.includes(`${n}!`);
    });
    if ((local !== undefined && removed.has(local)) || pointsAtRemoved) {
      edits.push([found.start, found.end, '']);
    } else if (local !== undefined && newIndex.get(local) !== local) {
      const tag = setAttribute(found.tag, 'localSheetId', String(newIndex.get(local) ?? local));
      edits.push([found.start, found.start + found.tag.length, tag]);
    }
  }
  const views = elements(xml, 'workbookView');
  if (activeIndex !== undefined && activeIndex > 0 && views.length === 0) {
    // No view yet (some writers leave it out): add one, where the schema puts it, before <sheets>.
    const p = prefixOf(sheetsBlock.name);
    edits.push([
      sheetsBlock.start,
      sheetsBlock.start,
      `<${p}bookViews><${p}workbookView activeTab="${activeIndex}"/></${p}bookViews>`,
    ]);
  }
  if (activeIndex !== undefined) {
    for (const view of views) {
      let tag = setAttribute(view.tag, 'activeTab', String(activeIndex));
      tag = removeAttribute(tag, 'firstSheet');
      edits.push([view.start, view.start + view.tag.length, tag]);
    }
  } else {
    // Tab indexes shift when sheets go: keep the view pointing at a sheet that exists and shows.
    for (const view of views) {
      const old = Number(view.attrs.activeTab ?? 0);
      const now = newIndex.get(old) ?? 0;
      const visible = slots.findIndex((s, i) => i >= now && !/state\s*=\s*["'](hidden|veryHidden)/.test(s.tag));
      let tag = setAttribute(view.tag, 'activeTab', String(Math.max(0, visible)));
      tag = removeAttribute(tag, 'firstSheet');
      edits.push([view.start, view.start + view.tag.length, tag]);
    }
  }
  return splice(xml, edits);
}

/** Drops the sheet list from docProps/app.xml, which would now be stale (Excel rebuilds it). */
function appPropsXml(xml: string): string {
  const edits: [number, number, string][] = [];
  for (const name of ['HeadingPairs', 'TitlesOfParts']) {
    const found = elements(xml, name)[0];
    if (found) edits.push([found.start, found.end, '']);
  }
  return splice(xml, edits);
}

/**
 * Applies the plan to the package (in memory; `pkg.toBytes()` gives the file). Returns what
 * people had put on owned sheets (notes, pictures...) that does not survive, one entry per sheet.
 */
export async function applyPlanToPackage(pkg: Package, plan: WritePlan): Promise<NotCarriedOver[]> {
  const info = await readWorkbook(pkg);
  if (!info) throw new Error('the file has no workbook part');
  const typesXml = await pkg.text(CONTENT_TYPES);
  if (!typesXml) throw new Error('the file has no [Content_Types].xml part');
  const types = new ContentTypes(typesXml);
  const wbRelsPart = relsPartOf(info.part);
  const wbRels = new Relationships(await pkg.text(wbRelsPart));
  const replacing = new Set([...plan.removeSheets, ...plan.sheets.map((s) => s.name)].map((n) => n.toLowerCase()));
  const planned = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), s]));

  // 1. The new tab order: user sheets and replaced owned sheets where they were, new ones after.
  const slots: Slot[] = [];
  const removed = new Set<number>();
  const reused = new Set<string>();
  let maxSheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId));
  const freePart = partNamer(pkg);
  const leftBehind = new Map<string, string>();
  const notCarriedOver: NotCarriedOver[] = [];
  const lost = (sheet: string, items: string[], removed: boolean) =>
    notCarriedOver.push(...notCarriedOverFor(sheet, items, removed));
  for (const [i, s] of info.sheets.entries()) {
    const owned = replacing.has(s.name.toLowerCase()) && s.kind === 'worksheet';
    const p = owned ? planned.get(s.name.toLowerCase()) : undefined;
    if (!owned) {
      slots.push({ name: s.name, tag: s.found.tag, oldIndex: i, part: s.part, relId: s.relId });
    } else if (p && s.part && !reused.has(p.name.toLowerCase())) {
      reused.add(p.name.toLowerCase());
      lost(s.name, await dropSheetParts(pkg, types, s.part, true, leftBehind), false);
      const tag = sheetTag(p.name, s.sheetId, s.relId, p.visibility);
      slots.push({ name: p.name, tag, oldIndex: i, part: s.part, planned: p, relId: s.relId });
    } else {
      removed.add(i);
      if (s.part) lost(s.name, await dropSheetParts(pkg, types, s.part, false, leftBehind), true);
      wbRels.remove(s.relId);
    }
  }
  for (const p of plan.sheets) {
    if (reused.has(p.name.toLowerCase())) continue;
    const part = freePart('xl/worksheets', 'sheet');
    const relId = wbRels.add(REL.worksheet, relativeTarget(info.part, part));
    const tag = sheetTag(p.name, ++maxSheetId, relId, p.visibility);
    slots.push({ name: p.name, tag, part, planned: p, relId });
  }
  // Sheet elements name the relationship with the part's own prefix for its namespace, declared
  // where the part declares it: on the root as Excel writes, or on each <sheet> as openpyxl does.
  const firstTag = info.sheets[0]?.found.tag ?? '';
  const rPrefix = /\s(\w+):id\s*=/.exec(firstTag)?.[1] ?? 'r';
  const ownDeclaration = new RegExp(`\\sxmlns:${rPrefix}\\s*=\\s*("[^"]*"|'[^']*')`).exec(firstTag)?.[0] ?? '';
  const elPrefix = prefixOf(info.sheets[0]?.found.name ?? '');
  for (const s of slots) {
    if (!s.planned) continue;
    s.tag = s.tag.replace(' r:id=', `${ownDeclaration} ${rPrefix}:id=`);
    if (elPrefix) s.tag = s.tag.replace('<sheet ', `<${elPrefix}sheet `);
  }

  const activeIndex = plan.activate ? slots.findIndex((s) => same(s.name, plan.activate!)) : -1;

  // 2. The user's sheets: take off Interlock's old rules, put the new ones on the matrix.
  const stylesRel = (await pkg.relationships(info.part)).find((r) => r.type === REL.styles);
  const stylesPart = stylesRel?.part ? (pkg.find(stylesRel.part) ?? stylesRel.part) : 'xl/styles.xml';
  const stylesXml = await pkg.text(stylesPart);
  const styles = new StyleBook(stylesXml);
  for (const s of slots) {
    if (s.planned || !s.part) continue;
    const before = await pkg.text(s.part);
    if (before === undefined) continue;
    let xml = removeOwnedRules(before, plan.ownerMarker).xml;
    if (same(s.name, plan.matrix.sheet) && plan.matrix.conditionalFormats.length > 0) {
      xml = insertRules(xml, conditionalFormattingXml(plan.matrix.conditionalFormats, maxPriority(xml) + 1, styles));
    }
    if (activeIndex >= 0 && slots[activeIndex] !== s) xml = unselectTab(xml);
    if (xml !== before) pkg.setText(s.part, xml);
  }
  if (plan.matrix.sheet && plan.matrix.conditionalFormats.length > 0) {
    if (!slots.some((s) => !s.planned && same(s.name, plan.matrix.sheet)))
      throw new Error(`the matrix sheet "${plan.matrix.sheet}" is not in the workbook`);
  }

  // 3. The owned sheets, each with its tables.
  const tables = await tablesInUse(pkg, types);
  let tableId = Math.max(0, ...tables.ids);
  for (const [i, s] of slots.entries()) {
    if (!s.planned || !s.part) continue;
    const sheetRels = new Relationships(undefined);
    const tableRelIds: string[] = [];
    for (const t of s.planned.tables) {
      let name = t.name;
      for (let n = 2; tables.names.has(name.toLowerCase()); n++) name = `${t.name}_${n}`;
      const xml = tableXml({ ...t, name }, s.planned, ++tableId);
      if (xml === undefined) continue;
      tables.names.add(name.toLowerCase());
      const part = freePart('xl/tables', 'table');
      pkg.setText(part, xml);
      types.set(part, CONTENT_TYPE.table);
      tableRelIds.push(sheetRels.add(REL.table, `../tables/${part.slice('xl/tables/'.length)}`));
    }
    pkg.setBytes(
      s.part,
      worksheetBytes(s.planned, styles, { selected: i === activeIndex, tableRelIds, date1904: info.date1904 }),
    );
    types.set(s.part, CONTENT_TYPE.worksheet);
    if (sheetRels.size > 0) pkg.setText(relsPartOf(s.part), sheetRels.toXml());
  }

  // 4. The index parts.
  const styled = styles.toXml();
  if (styled !== stylesXml) {
    pkg.setText(stylesPart, styled);
    if (!stylesRel) {
      wbRels.add(REL.styles, relativeTarget(info.part, stylesPart));
      types.set(stylesPart, CONTENT_TYPE.styles);
    }
  }
  // Excel rebuilds the calculation chain; a stale one (cells of removed sheets) makes it repair.
  for (const id of wbRels.ids()) {
    const rel = wbRels.get(id);
    if (rel && (rel.type === REL.calcChain || rel.type.endsWith('/calcChain'))) {
      wbRels.remove(id);
      const part = (await pkg.relationships(info.part)).find((r) => r.id === id)?.part;
      if (part) {
        pkg.remove(part);
        types.remove(part);
      }
    }
  }
  pkg.setText(info.part, workbookXml(info, slots, removed, activeIndex >= 0 ? activeIndex : undefined));
  pkg.setText(wbRelsPart, wbRels.toXml());
  // Every relationship is final now, so what nothing leads to any more can go.
  await dropUnreferenced(pkg, types, leftBehind);
  pkg.setText(CONTENT_TYPES, types.toXml());
  const app = await pkg.text(APP_PROPS);
  if (app) {
    const trimmed = appPropsXml(app);
    if (trimmed !== app) pkg.setText(APP_PROPS, trimmed);
  }
  return notCarriedOver;
}
