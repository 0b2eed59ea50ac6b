// Structural checks on the fresh4 corpus; the engine's score is `npm run bench -- fresh4`.
import { FRESH4 } from './fixtures/fresh4/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(FRESH4, 100);
