// Second fresh corpus (test/fixtures/fresh2, written blind on 5 December 2026, after the first fresh corpus was fixed): see labelled.ts.
import { FRESH2 } from '../../fixtures/fresh2/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(FRESH2);
