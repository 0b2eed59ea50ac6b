// Fresh-corpus quality (test/fixtures/fresh, written blind after issues 12-14): see labelled.ts.
import { FRESH } from '../../fixtures/fresh/load';
import { scoreCorpus } from './labelled';

export const run = (): Promise<void> => scoreCorpus(FRESH);
