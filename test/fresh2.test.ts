// Structural checks on the fresh2 corpus (written blind); the engine's score is not checked here.
import { FRESH2 } from './fixtures/fresh2/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(FRESH2, 100);
