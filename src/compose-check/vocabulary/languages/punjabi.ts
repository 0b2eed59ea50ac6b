// Punjabi (pa): Gurmukhi, as families from India write it, and Shahmukhi (in
// the Urdu alphabet), as families from Pakistan do; much Shahmukhi vocabulary
// is shared with Urdu (urdu.ts). Gurmukhi's nukta and addak, often left out when
// typing, are folded away on both sides (normalise.ts).
import type { VocabularyGroup } from '../types';

const SOURCES = 'Standard Punjabi (Gurmukhi) terms for these categories, with the English loanwords families use (ਸੋਸ਼ਲ ਵਰਕਰ, ਔਟਿਜ਼ਮ); not yet checked term by term against a named translated NHS or council leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[], ambiguous?: VocabularyGroup['ambiguous']): VocabularyGroup =>
  ({ id: `pa-${id}`, category, language: 'pa', source: SOURCES, section, terms, ...(ambiguous ? { ambiguous } : {}) });

export const PUNJABI: readonly VocabularyGroup[] = [
  group('send', 'send', 'ਵਿਸ਼ੇਸ਼ ਵਿਦਿਅਕ ਲੋੜਾਂ; ਅਪੰਗਤਾ', [
    'ਵਿਸ਼ੇਸ਼ ਲੋੜਾਂ', 'ਖਾਸ ਲੋੜਾਂ', 'ਵਿਸ਼ੇਸ਼ ਵਿਦਿਅਕ ਲੋੜਾਂ', 'ਅਪਾਹਜ*', 'ਅਪੰਗ*', 'ਔਟਿਜ਼ਮ', 'ਡਿਸਲੈਕਸੀਆ', 'ਸਿੱਖਣ ਵਿੱਚ ਮੁਸ਼ਕਲ*',
  ]),
  group('safeguarding', 'safeguarding', 'ਬਾਲ ਸੁਰੱਖਿਆ; ਹਿੰਸਾ ਅਤੇ ਸ਼ੋਸ਼ਣ', [
    'ਬਾਲ ਸੁਰੱਖਿਆ', 'ਸੋਸ਼ਲ ਵਰਕਰ', 'ਸਮਾਜਿਕ ਸੇਵਾਵਾਂ', 'ਘਰੇਲੂ ਹਿੰਸਾ', 'ਜਿਨਸੀ ਸ਼ੋਸ਼ਣ', 'ਸ਼ੋਸ਼ਣ', 'ਦੁਰਵਿਵਹਾਰ', 'ਖੁਦਕੁਸ਼ੀ',
    'ਆਤਮ ਹੱਤਿਆ', 'ਜ਼ਬਰਦਸਤੀ ਵਿਆਹ',
  ]),
  group('health', 'health', 'ਸਿਹਤ: ਬਿਮਾਰੀਆਂ, ਮਾਨਸਿਕ ਸਿਹਤ, ਹਸਪਤਾਲ', [
    'ਹਸਪਤਾਲ*', 'ਦਵਾਈ*', 'ਦਮਾ', 'ਮਿਰਗੀ', 'ਸ਼ੂਗਰ ਦੀ ਬਿਮਾਰੀ', 'ਡਾਇਬਟੀਜ਼', 'ਐਲਰਜੀ', 'ਮਾਨਸਿਕ ਸਿਹਤ', 'ਡਿਪਰੈਸ਼ਨ', 'ਸਰਜਰੀ',
    'ਐਂਬੂਲੈਂਸ', 'ਗਰਭਵਤੀ', 'ਨਿਦਾਨ', 'ਤਸ਼ਖੀਸ',
  ],
  // The English loanword, as families write it: "ਸਕੂਲ ਨਰਸ ਕੋਲ ਰੈਫਰ ਕੀਤਾ" (referred to the school nurse).
  [{ term: '[ਰੈਫਰ|ਰੈਫ਼ਰ|ਰੇਫਰ]*', near: ['ਨਰਸ*', 'ਡਾਕਟਰ*', 'ਹਸਪਤਾਲ*', 'ਜੀਪੀ', 'ਸੋਸ਼ਲ ਵਰਕਰ*', 'ਥੈਰੇਪੀ*', 'ਕਾਊਂਸਲਰ*'] }]),
  group('care', 'care', 'ਫੋਸਟਰ ਦੇਖਭਾਲ', ['ਫੋਸਟਰ*']),
  group('fsm', 'welfare', 'ਮੁਫ਼ਤ ਸਕੂਲ ਖਾਣਾ', ['ਮੁਫ਼ਤ ਖਾਣਾ', 'ਮੁਫ਼ਤ ਭੋਜਨ', 'ਮੁਫ਼ਤ ਸਕੂਲ ਖਾਣਾ']),
  group('exclusion', 'exclusion', 'ਸਕੂਲ ਤੋਂ ਕੱਢਣਾ ਅਤੇ ਮੁਅੱਤਲੀ', ['ਸਕੂਲ ਤੋਂ ਕੱਢ*', 'ਮੁਅੱਤਲ*']),
  group('criminal', 'criminal', 'ਪੁਲਿਸ ਅਤੇ ਗ੍ਰਿਫ਼ਤਾਰੀ', ['ਗ੍ਰਿਫ਼ਤਾਰ*', 'ਜੇਲ੍ਹ']),
  {
    id: 'pa-shahmukhi',
    category: 'send',
    language: 'pa',
    source: 'Punjabi in Shahmukhi: the words it does not share with Urdu (urdu.ts holds the shared ones)',
    section: 'خاص لوڑاں',
    terms: ['خاص لوڑاں', 'خاص لوڑ'],
  },
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group; with and without the nukta.
  group('religion', 'special-category', 'ਧਰਮ: ਹਲਾਲ ਭੋਜਨ, ਨਮਾਜ਼, ਅਰਦਾਸ, ਰੋਜ਼ਾ', ['ਹਲਾਲ', 'ਨਮਾਜ਼', 'ਨਮਾਜ', 'ਅਰਦਾਸ', 'ਰਮਜ਼ਾਨ', 'ਰਮਜਾਨ', 'ਰੋਜ਼ਾ', 'ਰੋਜ਼ੇ']),
];
