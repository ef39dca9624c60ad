/**
 * What people put on Interlock's old sheets in Excel (notes, comments, pictures, charts, other
 * shapes), counted before those sheets are deleted so the pane can say what went with them, as
 * the file path does. The reads join a request the write makes anyway: counting costs no sync,
 * however many sheets go. A kind whose requirement set the host lacks is simply not counted.
 */
import { counted, notCarriedOverFor, type NotCarriedOver } from '../core/plan/notCarriedOver';
import { safeSupported, type IsSetSupported } from './requirements';

/** The requirement set each kind is read through. */
export const CONTENT_REQUIREMENTS = {
  comments: { set: 'ExcelApi', version: '1.10' },
  notes: { set: 'ExcelApi', version: '1.18' },
  shapes: { set: 'ExcelApi', version: '1.9' },
} as const;

export interface SheetGoing {
  sheet: Excel.Worksheet;
  name: string;
  /** Removed for good (clear, a cascade sheet no longer planned); otherwise rewritten. */
  removed: boolean;
}

/**
 * Queues the counts for these sheets (nothing is sent until the caller syncs); the function
 * returned reads them after that sync, one entry per sheet that held anything.
 */
export function queueUserContent(going: SheetGoing[], isSetSupported: IsSetSupported): () => NotCarriedOver[] {
  const has = (kind: keyof typeof CONTENT_REQUIREMENTS) =>
    safeSupported(isSetSupported, CONTENT_REQUIREMENTS[kind].set, CONTENT_REQUIREMENTS[kind].version);
  const [comments, notes, shapes] = [has('comments'), has('notes'), has('shapes')];
  const queued = going.map((g) => ({
    ...g,
    notes: notes ? g.sheet.notes.getCount() : undefined,
    comments: comments ? g.sheet.comments.getCount() : undefined,
    shapes: shapes ? g.sheet.shapes.load('items/name,items/type') : undefined,
    charts: g.sheet.charts.load('items/name'),
  }));
  return () =>
    queued.flatMap((q) => {
      // A chart may also be listed among the shapes (under the chart's name): count it once.
      const charts = new Set(q.charts.items.map((c) => c.name));
      const drawn = q.shapes?.items ?? [];
      const pictures = drawn.filter((s) => s.type === 'Image').length;
      const others = drawn.filter((s) => s.type !== 'Image' && !charts.has(s.name)).length;
      const items = [
        ...counted(q.notes?.value ?? 0, 'note', 'notes'),
        ...counted(q.comments?.value ?? 0, 'comment', 'comments'),
        ...counted(pictures, 'picture', 'pictures'),
        ...counted(q.charts.items.length, 'chart', 'charts'),
        ...counted(others, 'shape', 'shapes'),
      ];
      return notCarriedOverFor(q.name, items, q.removed);
    });
}
