// Structural checks on the fresh corpus; the engine's score is `npm run bench -- fresh`.
import { FRESH } from './fixtures/fresh/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(FRESH, 150);
