// Arabic (ar). The article "ال" is written as optional where a term takes it,
// and the matcher accepts the one-letter proclitics (و ف ب ل ك) before a term,
// so "والتوحد" and "بالمستشفى" are found. Letter variants (أ إ آ, ة and ه, ى
// and ي) and short vowels are folded on both sides (normalise.ts).
import type { VocabularyGroup } from '../types';

const SOURCES = 'Modern Standard Arabic special-education, child-protection and health terminology (checked in Arabic special-education publications in the search corpus: ذوي الاحتياجات الخاصة، الإعاقة، طيف التوحد، صعوبات التعلم، التشخيص، الأخصائي النفسي); the other terms are standard, not yet checked against a named translated leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[], ambiguous?: VocabularyGroup['ambiguous']): VocabularyGroup =>
  ({ id: `ar-${id}`, category, language: 'ar', source: SOURCES, section, terms, ...(ambiguous ? { ambiguous } : {}) });

export const ARABIC: readonly VocabularyGroup[] = [
  group('send', 'send', 'الاحتياجات التعليمية الخاصة؛ الإعاقة؛ صعوبات التعلم', [
    '(ال)احتياجات (ال)خاصة', '(ال)احتياجات (ال)تعليمية (ال)خاصة', '(ال)إعاقة', '(ال)إعاقات', 'معاق', 'طيف (ال)توحد', '(ال)توحد',
    'فرط (ال)حركة', 'تشتت (ال)انتباه', 'عسر (ال)قراءة', 'صعوبات (ال)تعلم', 'صعوبة (ال)تعلم', 'علاج (ال)نطق', 'اضطراب(ات) (ال)نطق',
    '(ال)أخصائي (ال)نفسي', '(ال)أخصائية (ال)نفسية',
  ]),
  group('safeguarding', 'safeguarding', 'حماية الطفل؛ الإساءة والإهمال؛ العنف الأسري', [
    'حماية (ال)طفل', 'حماية (ال)أطفال', '(ال)أخصائي (ال)اجتماعي', '(ال)أخصائية (ال)اجتماعية', '(ال)عامل (ال)اجتماعي',
    '(ال)عاملة (ال)اجتماعية', '(ال)باحث (ال)اجتماعي', '(ال)خدمات (ال)اجتماعية', '(ال)إساءة', 'إساءة معاملة', '(ال)عنف (ال)أسري',
    '(ال)عنف (ال)منزلي', '(ال)اعتداء (ال)جنسي', '(ال)تحرش (ال)جنسي', '(ال)استغلال (ال)جنسي', 'إهمال (ال)طفل', 'إيذاء (ال)نفس',
    '(ال)انتحار', 'محاولة انتحار', 'ختان (ال)إناث', '(ال)زواج (ال)قسري', '(ال)تطرف',
  ]),
  group('health', 'health', 'الصحة: الأمراض المزمنة والصحة النفسية والمستشفى', [
    '(ال)مستشفى', '(ال)تشخيص', 'تم تشخيص', '(ال)دواء', '(ال)أدوية', '(ال)ربو', '(ال)صرع', '(ال)سكري', 'مرض (ال)سكر',
    'حساسية من', 'حساسية (ال)طعام', 'عملية جراحية', '(ال)جراحة', 'قسم (ال)طوارئ', '(ال)إسعاف', 'سيارة (ال)إسعاف',
    '(ال)صحة (ال)نفسية', '(ال)اكتئاب', '(ال)وصفة (ال)طبية', '(ال)طبيب (ال)نفسي',
    // As the English group's insulin, blood sugar, hypo and individual healthcare plan.
    '(ال)أنسولين', '(ال)إنسولين', '(ال)سكر في (ال)دم', 'مستوى (ال)سكر', 'نسبة (ال)سكر', 'هبوط (ال)سكر', 'انخفاض (ال)سكر',
    'خطة (ال)رعاية (ال)صحية', '(ال)خطة (ال)صحية',
  ]),
  group('care', 'care', 'الرعاية البديلة؛ الأسرة الحاضنة', ['(ال)رعاية (ال)بديلة', '(ال)أسرة (ال)حاضنة', 'أسرة حاضنة', 'دار (ال)رعاية', 'دار (ال)أيتام']),
  group('fsm', 'welfare', 'الوجبات المدرسية المجانية', ['(ال)وجبات (ال)مدرسية (ال)مجانية', '(ال)وجبات (ال)مجانية', 'وجبة مجانية']),
  group('exclusion', 'exclusion', 'الفصل والإيقاف عن الدراسة', [
    '(ال)فصل من (ال)مدرسة', 'فصل(ه|ها) من (ال)مدرسة', '(ال)طرد من (ال)مدرسة', 'طرد(ه|ها) من (ال)مدرسة', '(ال)إيقاف عن (ال)دراسة',
    'إيقاف(ه|ها) عن (ال)دراسة', '(ال)فصل (ال)مؤقت',
  ],
  // "إيقاف <name> عن الدراسة": the pupil's name (in Latin letters, often) stands inside the phrase, so
  // the noun counts beside what makes it a school's sanction rather than a bus stop or a paused service.
  [{ term: '(ال)إيقاف', near: ['(ال)دراسة', '(ال)مدرسة', 'يومين', 'يومان', 'أيام', '(ال)اعتداء', 'إعادة (ال)دمج', '(ال)سلوك', 'مؤقت*', 'مجلس (ال)إدارة'] }]),
  group('criminal', 'criminal', 'الشرطة والاعتقال', ['(ال)اعتقال', 'اعتقال(ه|ها)', '(ال)قبض علي(ه|ها)', 'في (ال)سجن']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group. Not حلال alone: it is also 'allowed'.
  group('religion', 'special-category', 'الدين: الطعام الحلال والصلاة والصيام', ['طعام حلال', 'وجبة حلال', 'وجبات حلال', 'لحم حلال', '(ال)صلاة', 'صلاة الجمعة', '(ال)صيام', 'رمضان']),
];
