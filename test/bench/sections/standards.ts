// Standards quality (test/fixtures/standards): see labelled.ts.
import { STANDARDS } from '../../fixtures/standards/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(STANDARDS);
