// Structural checks on the fresh3 corpus (Holmwood Park School, written blind).
import { FRESH3 } from './fixtures/fresh3/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(FRESH3, 100);
