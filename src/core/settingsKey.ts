/**
 * Where a workbook keeps Interlock's rule settings among its document settings. A module of its
 * own so that a host or the task pane can name the key without loading the rules.
 */
export const DOCUMENT_SETTINGS_KEY = 'interlock.settings';
