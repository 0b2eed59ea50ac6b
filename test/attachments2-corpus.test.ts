// Structural checks on the second attachments corpus (Kestrel Moor Academy). Whether the
// engine agrees with its labels is measured by the bench, not tested here.
import { ATTACHMENTS2 } from './fixtures/attachments2/load';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(ATTACHMENTS2, 60);
