// The context vocabulary: every group of terms with its source. context.ts
// builds one matcher from it when the engine loads.
import type { VocabularyGroup } from './types';
import { SEND } from './send';
import { SAFEGUARDING } from './safeguarding';
import { SPECIAL_CATEGORY } from './special-category';
import { WELFARE } from './welfare';
import { HEALTH } from './health';
import { FAMILY_LANGUAGES } from './languages/index';

export type { Category, Language, Term, AmbiguousTerm, VocabularyGroup, MatchedGroup } from './types';
export {
  SUPPORT_REACH, NOT_CONTEXT, OTHER_PEOPLE, OTHER_PUPIL_NOUNS, OTHER_PUPIL_OPENERS, PERSON_TITLES, SUBJECT_LINKS, TITLE_HEADS, LOWER_TITLE_HEADS, LOWER_EVENT_WORDS, EVENT_PERIODS, EVENT_OPENERS, TITLE_CONNECTORS, KNOWN_TITLES,
  TOPIC_WORDS,
} from './rules';

export const VOCABULARY: readonly VocabularyGroup[] = [...SEND, ...SAFEGUARDING, ...SPECIAL_CATEGORY, ...WELFARE, ...HEALTH, ...FAMILY_LANGUAGES];
