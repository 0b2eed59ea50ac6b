// Fourth fresh corpus (test/fixtures/fresh4, a primary school, written blind on 5 December 2026 after fresh3 was fixed): see labelled.ts.
import { FRESH4 } from '../../fixtures/fresh4/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(FRESH4);
