// Blind quality (test/fixtures/blind): see labelled.ts.
import { BLIND } from '../../fixtures/blind/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(BLIND);
