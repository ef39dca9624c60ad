/** An adapter whose snapshots carry the pane's rule settings, for files (which have no document settings). */
import type { HostAdapter } from '../core/host';
import { DOCUMENT_SETTINGS_KEY } from '../core/settingsKey';

export function withDocumentSettings(inner: HostAdapter, json: string): HostAdapter {
  return {
    async readSnapshot(progress) {
      const snapshot = await inner.readSnapshot(progress);
      return { ...snapshot, documentSettings: { ...(snapshot.documentSettings ?? {}), [DOCUMENT_SETTINGS_KEY]: json } };
    },
    applyPlan: (plan, progress) => inner.applyPlan(plan, progress),
  };
}
