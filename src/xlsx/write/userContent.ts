/**
 * What people put on a sheet besides cells (notes, comments, pictures, charts, controls...), read
 * from the sheet's relationships and the parts they point at, in words a planner knows. Interlock
 * rewrites its own sheets from its data, so these do not survive a re-run; it says so instead of
 * dropping them without a word (the sentence itself is in core/plan/notCarriedOver).
 */
import type { Package, Relationship } from '../package/package';
import { elements } from '../package/xml';
import { counted } from '../../core/plan/notCarriedOver';

/** A kind of thing, counted: `one`/`many` are the singular and plural nouns. */
interface Count {
  one: string;
  many: string;
  n: number;
}

/** Relationship types (their last segment) with the words for what they carry. */
const KINDS: Record<string, [string, string]> = {
  pivotTable: ['pivot table', 'pivot tables'],
  slicer: ['slicer', 'slicers'],
  timeline: ['timeline', 'timelines'],
  oleObject: ['embedded object', 'embedded objects'],
  package: ['embedded object', 'embedded objects'],
  control: ['ActiveX control', 'ActiveX controls'],
  image: ['background picture', 'background pictures'],
  hyperlink: ['link', 'links'],
  customProperty: ['custom property', 'custom properties'],
  webExtension: ['add-in part', 'add-in parts'],
};

/** Relationship types read elsewhere here (or Interlock's own tables). */
const READ = new Set(['table', 'comments', 'threadedComment', 'vmlDrawing', 'drawing', 'ctrlProp', 'printerSettings']);

const kindOf = (rel: Relationship) => rel.type.slice(rel.type.lastIndexOf('/') + 1);

/** `queryTable` → `query table`, for relationship types this module has no words for. */
const words = (kind: string) => kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function countOf(counts: Count[], one: string, many: string): Count {
  let c = counts.find((x) => x.one === one);
  if (!c) counts.push((c = { one, many, n: 0 }));
  return c;
}

/** The items on a sheet with these relationships (read before the sheet's `_rels` goes). */
export async function describeUserContent(pkg: Package, rels: Relationship[]): Promise<string[]> {
  // The common kinds first, in this order; others follow as met.
  const counts: Count[] = [
    ['note', 'notes'],
    ['comment', 'comments'],
    ['picture', 'pictures'],
    ['chart', 'charts'],
    ['shape', 'shapes'],
    ['form control', 'form controls'],
  ].map(([one, many]) => ({ one, many, n: 0 }));
  const add = (one: string, many: string, n = 1) => {
    if (n > 0) countOf(counts, one, many).n += n;
  };
  const text = async (rel: Relationship) => (rel.part ? ((await pkg.text(rel.part)) ?? '') : '');
  const of = (kind: string) => rels.filter((r) => kindOf(r) === kind);

  // Threaded comments (Excel's "comments") also leave a legacy note on their cell for older
  // versions: a cell with a thread is one comment, not a comment and a note.
  const threaded = new Set<string>();
  for (const rel of of('threadedComment')) {
    for (const t of elements(await text(rel), 'threadedComment')) {
      if (t.attrs.parentId) continue; // a reply belongs to its thread
      threaded.add((t.attrs.ref ?? '').toUpperCase());
      add('comment', 'comments');
    }
  }
  for (const rel of of('comments')) {
    for (const c of elements(await text(rel), 'comment'))
      if (!threaded.has((c.attrs.ref ?? '').toUpperCase())) add('note', 'notes');
  }
  for (const rel of of('drawing')) {
    const xml = await text(rel);
    for (const local of ['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']) {
      for (const a of elements(xml, local)) {
        const inside = xml.slice(a.contentStart, a.contentEnd);
        const pictures = elements(inside, 'pic').length;
        const charts = elements(inside, 'graphicFrame').filter(
          (g) => elements(inside, 'chart', g.contentStart, g.contentEnd).length > 0,
        ).length;
        add('picture', 'pictures', pictures);
        add('chart', 'charts', charts);
        // Form controls and slicers are drawn here too, but are counted from their own parts.
        if (pictures + charts === 0 && !/compatExt|slicer[\s>/]/.test(inside)) add('shape', 'shapes');
      }
    }
  }
  // Form controls: one ctrlProp part each (Excel 2010 on), or only a shape in the VML drawing.
  let vmlControls = 0;
  let headerPictures = 0;
  for (const rel of of('vmlDrawing')) {
    const xml = await text(rel);
    for (const shape of elements(xml, 'shape')) {
      const inside = xml.slice(shape.contentStart, shape.contentEnd);
      const type = /ObjectType\s*=\s*["'](\w+)/.exec(inside)?.[1];
      if (type && type !== 'Note') vmlControls++;
      else if (!type && /imagedata/.test(inside)) headerPictures++;
    }
  }
  add('form control', 'form controls', Math.max(of('ctrlProp').length, vmlControls));
  add('header or footer picture', 'header or footer pictures', headerPictures);
  for (const rel of rels) {
    const kind = kindOf(rel);
    if (READ.has(kind)) continue;
    const [one, many] = KINDS[kind] ?? [`${words(kind)} part`, `${words(kind)} parts`];
    add(one, many);
  }
  const items = counts.flatMap((c) => counted(c.n, c.one, c.many));
  if (of('printerSettings').length > 0) items.push('printer settings');
  return items;
}
