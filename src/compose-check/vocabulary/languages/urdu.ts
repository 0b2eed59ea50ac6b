// Urdu (ur), in Nastaliq's letters (ی ک ہ ے ٹ ڈ). Urdu typed on an Arabic
// keyboard uses ي ك ه instead; both sides are folded to one form (normalise.ts).
import type { VocabularyGroup } from '../types';

const SOURCES = 'Standard Urdu terms for these categories, with the English loanwords families use (سوشل ورکر، آٹزم، ڈپریشن); not yet checked term by term against a named translated NHS or council leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[], ambiguous?: VocabularyGroup['ambiguous']): VocabularyGroup =>
  ({ id: `ur-${id}`, category, language: 'ur', source: SOURCES, section, terms, ...(ambiguous ? { ambiguous } : {}) });

export const URDU: readonly VocabularyGroup[] = [
  group('send', 'send', 'خصوصی تعلیمی ضروریات؛ معذوری', [
    'خصوصی ضروریات', 'خصوصی تعلیمی ضروریات', 'معذوری', 'معذور', 'آٹزم', 'ڈسلیکسیا', 'سیکھنے میں دشواری', 'سیکھنے کی معذوری',
    'اے ڈی ایچ ڈی',
  ]),
  group('safeguarding', 'safeguarding', 'بچوں کا تحفظ؛ تشدد اور زیادتی', [
    'بچوں کا تحفظ', 'بچوں کے تحفظ', 'تحفظ اطفال', 'سوشل ورکر', 'سماجی کارکن', 'سوشل سروسز', 'گھریلو تشدد', 'تشدد',
    'جنسی زیادتی', 'جنسی استحصال', 'جنسی ہراسانی', 'خود کو نقصان', 'خودکشی', 'زبردستی کی شادی', 'جبری شادی',
  ]),
  group('health', 'health', 'صحت: بیماریاں، ذہنی صحت، ہسپتال', [
    'ہسپتال', 'اسپتال', 'تشخیص', 'دوائی', 'دوائیں', 'ادویات', 'دمہ', 'مرگی', 'ذیابیطس', 'شوگر کی بیماری', 'الرجی', 'سرجری',
    'ذہنی صحت', 'ڈپریشن', 'ایمبولینس', 'حاملہ',
  ],
  // The English loanword, as families write it: "اسکول نرس کو ریفر کیا" (referred to the school nurse).
  [{ term: 'ریفر*', near: ['نرس*', 'ڈاکٹر*', 'ہسپتال*', 'اسپتال*', 'جی پی', 'کیمز', 'سوشل ورکر*', 'تھراپی*', 'کونسلر*', 'ماہر نفسیات'] }]),
  group('care', 'care', 'رضاعی دیکھ بھال', ['فوسٹر', 'رضاعی والدین', 'رضاعی خاندان']),
  group('fsm', 'welfare', 'مفت اسکول کا کھانا', ['مفت کھانا', 'مفت کھانے', 'مفت اسکول کھانا', 'مفت اسکول کے کھانے', 'مفت اسکول کا کھانا']),
  group('exclusion', 'exclusion', 'اسکول سے اخراج اور معطلی', ['اسکول سے خارج', 'اسکول سے نکال', 'معطل', 'معطلی']),
  group('criminal', 'criminal', 'پولیس اور گرفتاری', ['گرفتار', 'گرفتاری', 'جیل میں']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group.
  group('religion', 'special-category', 'مذہب: حلال کھانا، نماز، روزہ', ['حلال', 'نماز', 'رمضان', 'روزہ', 'روزے']),
];
