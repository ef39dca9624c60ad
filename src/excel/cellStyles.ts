/**
 * How each plan cell style looks in Excel. Colours follow Excel's own Good / Bad / Neutral cell
 * styles, so the output reads like something a planner would have formatted by hand.
 */
import type { CellStyle } from '../core/plan/types';

export interface StyleFormat {
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

export const STYLE_FORMATS: Record<CellStyle, StyleFormat> = {
  title: { bold: true, size: 14, font: '#1F3864' },
  header: { bold: true, fill: '#D9E1F2', font: '#1F3864' },
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
  pass: { fill: '#C6EFCE', font: '#006100' },
  changed: { fill: '#E4DFEC', font: '#5B2C6F', italic: true },
  muted: { font: '#7F7F7F', italic: true },
  input: { fill: '#FFF2CC' },
};

/** Column widths in the plan are in characters (as in ExcelJS); Office.js wants points. */
export const POINTS_PER_CHARACTER = 5.7;
