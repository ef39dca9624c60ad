/**
 * Workbook settings that tune the checks, from two places: Office document settings under
 * `interlock.settings` (JSON), and a sheet named `Interlock Settings` that anyone can edit in
 * Excel. The sheet wins where both say something.
 *
 * Sheet rows are `key | value`:
 *   a rule id           | error, warning, info or off
 *   fiscal year start   | a month (April, Apr, 4)
 *   plan year           | 2027
 *   overload per quarter| 4
 *   a lexicon list      | words, comma separated (e.g. `vague words | synergy, holistic`)
 * Document settings JSON: `{ "rules": { "<id>": "off" }, "lexicon": { "vagueWords": [..] },
 *   "fiscalYearStart": 4, "planYear": 2027, "overloadPerPeriod": 4 }`.
 */
import type { Severity } from './report';
import type { WorkbookSnapshot, SheetSnapshot } from './snapshot';
import { cellAt } from './snapshot';
import { cellText, foldName, numberValue } from './matrix/text';
import { toA1 } from './a1';
import { RULE_IDS } from './rules';
import { DOCUMENT_SETTINGS_KEY } from './settingsKey';

export type RuleSetting = Severity | 'off';

export interface Settings {
  /** Severity per rule id, or `off`. Rules not listed keep their default. */
  rules: Record<string, RuleSetting>;
  /** Extra words per lexicon list (field names of the statement lexicon). */
  lexicon: Record<string, string[]>;
  fiscalYearStart?: number;
  planYear?: number;
  /** Objectives demanding one department in one quarter before it counts as overloaded (no Capacity given). */
  overloadPerPeriod?: number;
  /** What could not be read, for the report (never silently ignored). */
  problems: string[];
}

export const SETTINGS_SHEET = 'Interlock Settings';

const SEVERITY_ALIASES: Record<string, RuleSetting> = {
  error: 'error',
  errors: 'error',
  warning: 'warning',
  warn: 'warning',
  warnings: 'warning',
  info: 'info',
  information: 'info',
  off: 'off',
  disabled: 'off',
  none: 'off',
  ignore: 'off',
};

/** Friendly names for lexicon lists on the sheet; the lexicon's own field names work too. */
const LEXICON_ALIASES: Record<string, string> = {
  'vague word': 'vagueWords',
  'vague words': 'vagueWords',
  vague: 'vagueWords',
  metric: 'outcomeMetrics',
  metrics: 'outcomeMetrics',
  'outcome metric': 'outcomeMetrics',
  'outcome metrics': 'outcomeMetrics',
  'initiative verb': 'initiativeVerbs',
  'initiative verbs': 'initiativeVerbs',
  output: 'outputNouns',
  outputs: 'outputNouns',
  'output nouns': 'outputNouns',
  placeholder: 'placeholders',
  placeholders: 'placeholders',
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(s: string): number | undefined {
  const n = numberValue(s);
  if (n !== undefined) return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
  const k = s.trim().toLowerCase();
  if (k.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(k));
  return i >= 0 ? i + 1 : undefined;
}

function words(v: string | string[]): string[] {
  const list = Array.isArray(v) ? v : v.split(/[,;\n]/);
  return list.map((w) => foldName(String(w)).toLowerCase()).filter(Boolean);
}

export function emptySettings(): Settings {
  return { rules: {}, lexicon: {}, problems: [] };
}

/** Applies one `key | value` pair; `where` names its place for messages. */
function apply(settings: Settings, key: string, value: string, where: string): void {
  const k = foldName(key).toLowerCase();
  const v = foldName(value);
  // A header row ("Rule | Severity", "Rule or setting | Value").
  if (
    !k ||
    /^(rules?|settings?|keys?|names?|rule or setting|rule\/setting|rule \/ setting)$/.test(k) ||
    /^(severity|value|level)$/i.test(v)
  )
    return;
  if (RULE_IDS.includes(k)) {
    const sev = SEVERITY_ALIASES[v.toLowerCase()];
    if (sev) settings.rules[k] = sev;
    else settings.problems.push(`${where}: "${value}" is not a severity for ${k}; use error, warning, info or off.`);
    return;
  }
  if (k === 'fiscal year start' || k === 'fiscal year starts' || k === 'fy start') {
    const m = monthNumber(v);
    if (m) settings.fiscalYearStart = m;
    else settings.problems.push(`${where}: "${value}" is not a month for the fiscal year start.`);
    return;
  }
  if (k === 'plan year') {
    const y = numberValue(v);
    if (y !== undefined && Number.isInteger(y) && y >= 1990 && y <= 2200) settings.planYear = y;
    else settings.problems.push(`${where}: "${value}" is not a year.`);
    return;
  }
  if (k === 'overload per quarter' || k === 'overload per period') {
    const n = numberValue(v);
    if (n !== undefined && n >= 1) settings.overloadPerPeriod = Math.floor(n);
    else settings.problems.push(`${where}: "${value}" is not a number of objectives.`);
    return;
  }
  const list = LEXICON_ALIASES[k] ?? key.trim();
  if (/^[a-z][A-Za-z]+$/.test(list) && (LEXICON_ALIASES[k] || /[A-Z]/.test(list))) {
    settings.lexicon[list] = [...(settings.lexicon[list] ?? []), ...words(v)];
    return;
  }
  settings.problems.push(
    `${where}: "${key}" is neither a rule id nor a setting Interlock knows (rules: ${RULE_IDS.join(', ')}).`,
  );
}

function fromSheet(settings: Settings, sheet: SheetSnapshot): void {
  const { row: top, col: left } = sheet.origin;
  for (let r = top; r < top + sheet.values.length; r++) {
    const key = cellText(cellAt(sheet, r, left)).trim();
    if (!key || key.startsWith('#')) continue; // blank and comment rows
    apply(settings, key, cellText(cellAt(sheet, r, left + 1)), `${sheet.name}!${toA1(r, left)}`);
  }
}

function fromDocument(settings: Settings, json: string): void {
  const where = `document setting ${DOCUMENT_SETTINGS_KEY}`;
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    settings.problems.push(`${where} is not valid JSON; it was ignored.`);
    return;
  }
  if (typeof doc !== 'object' || doc === null) return;
  const d = doc as Record<string, unknown>;
  if (d.rules && typeof d.rules === 'object') {
    for (const [id, sev] of Object.entries(d.rules as Record<string, unknown>)) apply(settings, id, String(sev), where);
  }
  if (d.lexicon && typeof d.lexicon === 'object') {
    for (const [list, ws] of Object.entries(d.lexicon as Record<string, unknown>)) {
      if (Array.isArray(ws) || typeof ws === 'string')
        settings.lexicon[list] = [...(settings.lexicon[list] ?? []), ...words(ws as string | string[])];
    }
  }
  if (d.fiscalYearStart !== undefined) apply(settings, 'fiscal year start', String(d.fiscalYearStart), where);
  if (d.planYear !== undefined) apply(settings, 'plan year', String(d.planYear), where);
  if (d.overloadPerPeriod !== undefined) apply(settings, 'overload per period', String(d.overloadPerPeriod), where);
}

/** The workbook's settings: document settings first, then the settings sheet on top. */
export function readSettings(snapshot: WorkbookSnapshot): Settings {
  const settings = emptySettings();
  const json = snapshot.documentSettings?.[DOCUMENT_SETTINGS_KEY];
  if (json) fromDocument(settings, json);
  const sheet = snapshot.sheets.find((s) => foldName(s.name).toLowerCase() === SETTINGS_SHEET.toLowerCase());
  if (sheet) fromSheet(settings, sheet);
  return settings;
}
