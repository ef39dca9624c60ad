/**
 * What each plan cell style looks like, in every host: the file writer and the Office.js adapter
 * read this one table, so a workbook validated in Excel looks like one validated from the
 * command line. Colours follow Excel's Good / Bad / Neutral cell styles.
 */
import type { CellStyle } from './types';

export interface Look {
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour, `#RRGGBB`. */
  font?: string;
  /** Solid fill, `#RRGGBB`. */
  fill?: string;
  /** A thin line under the cell, `#RRGGBB`. */
  bottomBorder?: string;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 14, font: '#1F3864' },
  header: { bold: true, fill: '#D9E1F2', bottomBorder: '#8EA9DB' },
  error: { font: '#9C0006', fill: '#FFC7CE' },
  warning: { font: '#9C5700', fill: '#FFEB9C' },
  info: { font: '#1F4E78', fill: '#DDEBF7' },
  pass: { font: '#006100', fill: '#C6EFCE' },
  changed: { font: '#3F3151', fill: '#D9D2E9' },
  muted: { font: '#595959', fill: '#F2F2F2' },
  input: { fill: '#FFFFFF' },
};
