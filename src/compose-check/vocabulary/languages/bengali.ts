// Bengali (bn), as Sylheti- and Bengali-speaking families write it. Nouns
// take case endings ("হাসপাতালে", in hospital), hence the stems; nukta letters
// (য়, ড়) and chandrabindu are folded on both sides (normalise.ts).
import type { VocabularyGroup } from '../types';

const SOURCES = 'Bengali health and education vocabulary as Bangladeshi newspapers and health pages use it (checked in the search corpus: অটিজম, অটিস্টিক, হাসপাতাল); the other terms are standard Bengali, not yet checked against a translated NHS or council leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[], ambiguous?: VocabularyGroup['ambiguous']): VocabularyGroup =>
  ({ id: `bn-${id}`, category, language: 'bn', source: SOURCES, section, terms, ...(ambiguous ? { ambiguous } : {}) });

export const BENGALI: readonly VocabularyGroup[] = [
  group('send', 'send', 'বিশেষ শিক্ষাগত চাহিদা; প্রতিবন্ধিতা', [
    'বিশেষ শিক্ষাগত চাহিদা*', 'বিশেষ চাহিদা*', 'প্রতিবন্ধ*', 'অটিজম*', 'অটিস্টিক', 'ডিসলেক্সিয়া', 'শিখন অক্ষমতা', 'এডিএইচডি',
  ]),
  group('safeguarding', 'safeguarding', 'শিশু সুরক্ষা; নির্যাতন ও সহিংসতা', [
    'শিশু সুরক্ষা', 'শিশুর সুরক্ষা', 'সমাজকর্মী', 'সোশ্যাল ওয়ার্কার', 'পারিবারিক সহিংসতা', 'যৌন নির্যাতন', 'নির্যাতন*',
    'যৌন হয়রানি', 'আত্মহত্যা*', 'আত্মক্ষতি', 'জোরপূর্বক বিয়ে', 'বাল্যবিবাহ',
  ]),
  group('health', 'health', 'স্বাস্থ্য: রোগ, মানসিক স্বাস্থ্য, হাসপাতাল', [
    'হাসপাতাল*', 'ওষুধ*', 'হাঁপানি', 'অ্যাজমা', 'মৃগী*', 'ডায়াবেটিস', 'অ্যালার্জি', 'এলার্জি', 'মানসিক স্বাস্থ্য*', 'বিষণ্ণতা',
    'রোগ নির্ণয়', 'অস্ত্রোপচার', 'অ্যাম্বুলেন্স', 'গর্ভবতী',
  ],
  // Families write the English loanword: "স্কুল নার্সের কাছে রেফার করেছি" (referred to the school nurse).
  [{ term: 'রেফার*', near: ['নার্স*', 'ডাক্তার*', 'হাসপাতাল*', 'জিপি', 'ক্যামস', 'সমাজকর্মী', 'থেরাপি*', 'কাউন্সেল*', 'মনোবিজ্ঞানী'] }]),
  group('care', 'care', 'পালক পরিবার', ['পালক পরিবার*', 'পালক বাবা-মা']),
  group('fsm', 'welfare', 'বিনামূল্যে স্কুলের খাবার', ['বিনামূল্যে খাবার', 'বিনামূল্যে স্কুলের খাবার', 'ফ্রি স্কুল মিল']),
  group('exclusion', 'exclusion', 'স্কুল থেকে বহিষ্কার ও সাময়িক বরখাস্ত', ['বহিষ্কার*', 'সাসপেন্ড*']),
  group('criminal', 'criminal', 'পুলিশ ও গ্রেফতার', ['গ্রেফতার*', 'গ্রেপ্তার*', 'কারাগার*']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group.
  group('religion', 'special-category', 'ধর্ম: হালাল খাবার, নামাজ, রোজা', ['হালাল', 'নামাজ*', 'রোজা', 'রমজান*']),
];
