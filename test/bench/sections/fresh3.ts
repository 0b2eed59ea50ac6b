// Third fresh corpus (test/fixtures/fresh3, a special school, written blind on 5 December 2026 after fresh2 was fixed): see labelled.ts.
import { FRESH3 } from '../../fixtures/fresh3/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(FRESH3);
