// Second attachments corpus (test/fixtures/attachments2, real files, written blind on 5 December 2026): see labelled.ts.
import { ATTACHMENTS2 } from '../../fixtures/attachments2/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(ATTACHMENTS2);
