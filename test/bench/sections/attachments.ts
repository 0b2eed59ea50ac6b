// Attachments quality (test/fixtures/attachments): see labelled.ts.
import { ATTACHMENTS } from '../../fixtures/attachments/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(ATTACHMENTS);
