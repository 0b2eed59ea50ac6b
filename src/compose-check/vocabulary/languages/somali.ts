// Somali (so), in Latin script. Nouns take the definite article as a suffix
// ("isbitaal", "isbitaalka"), hence the stems.
import type { VocabularyGroup } from '../types';

const SOURCES = 'Somali health and social-care vocabulary as BBC Somali and Somali news use it (checked there: isbitaalka, cisbitaalka); the other terms are standard Somali, not yet checked against a translated NHS or local-authority leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `so-${id}`, category, language: 'so', source: SOURCES, section, terms });

export const SOMALI: readonly VocabularyGroup[] = [
  group('send', 'send', 'baahiyo gaar ah; naafonimo; otisam', [
    'baahiy* gaar* ah', 'baahi gaar ah', 'baahiyaha waxbarasho ee gaarka ah', 'naafo*', 'otisam*', 'autism*', 'dhibaatooyinka waxbarashada',
  ]),
  group('safeguarding', 'safeguarding', 'ilaalinta carruurta; xadgudub; dayacaad', [
    'ilaalin* carruur*', 'ilaalin* ilmah*', 'shaqaal* bulsh*', 'adeeg* bulsh*', 'xadgudub*', 'tacaddi*', 'dayac*',
    'rabshad* qoys*', 'rabshad* guri*', 'gudniin*', 'guurka qasabka', 'isdil*',
  ]),
  group('health', 'health', 'caafimaad: cudurro, caafimaadka maskaxda, isbitaal', [
    'isbitaal*', 'cisbitaal*', 'daawooyin*', 'daawada', 'neefta xiiqda', 'sonkorow*', 'suuxdin*',
    'xasaasiyad*', 'qalliin*', 'caafimaad* maskax*', 'niyad-jab*', 'niyadjab*', 'ambalaas*', 'uur leh',
  ]),
  group('fsm', 'welfare', 'cunto bilaash ah', ['cunto* bilaash*', 'cunto* dugsi* bilaash*']),
  group('exclusion', 'exclusion', 'laga saaray dugsiga', ['laga saaray dugsig*', 'laga eryay dugsig*', 'laga joojiyay dugsig*']),
  group('criminal', 'criminal', 'booliska iyo xarigga', ['booliisku xireen', 'xabsi*']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group. Not 'soon' (fast): it is an English word.
  group('religion', 'special-category', 'diinta: cunto xalaal ah, salaadda, soonka', ['xalaal', 'salaad*', 'soonka', 'ramadaan']),
];
