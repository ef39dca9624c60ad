/** Where the pane runs: inside Excel, or a plain browser (file mode). */
export type HostKind = 'excel' | 'browser';

/**
 * Resolves once we know. Office.onReady never fires when office.js failed to load, and fires with
 * no host in a browser tab, so a timeout guards the first case.
 */
export function detectHost(timeoutMs = 3000): Promise<HostKind> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve('browser');
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('browser'), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info.host === office.HostType.Excel ? 'excel' : 'browser');
      })
      .catch(() => {
        clearTimeout(timer);
        resolve('browser');
      });
  });
}
