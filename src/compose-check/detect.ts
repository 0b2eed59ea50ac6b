// "Appears to contain sensitive pupil data" (issue #2). Filled in next.
import type { Draft, Finding } from './types';
import type { ResolvedSettings } from './settings';

/** Every sensitive-data finding in the subject, body and text-like attachments, in a stable order. */
export function findSensitiveData(_draft: Draft, _settings: ResolvedSettings): Finding[] {
  return [];
}
