// The contact directory: the engine's seam for family contacts and pupils'
// addresses, over clear settings or over the compact send-check record.
export type { ContactDirectory, ContactMatch } from './types';
export { combineDirectories, normaliseAddress, NO_MATCH } from './types';
export { settingsDirectory, nameKey } from './settings-directory';
export type { ContactKind, SendCheckData, SendCheckEntry, SendCheckEnvelope, SendCheckParse, SendCheckDirectory } from './record';
export { parseSendCheck, sendCheckDirectory, addressFalsePositiveRate, SEND_CHECK_FORMAT, SEND_CHECK_VERSION } from './record';
