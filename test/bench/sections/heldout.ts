// Held-out quality (test/fixtures/heldout): see labelled.ts.
import { HELDOUT } from '../../fixtures/heldout/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(HELDOUT);
