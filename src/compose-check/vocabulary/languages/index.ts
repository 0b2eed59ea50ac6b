// The languages most spoken by EAL families in English schools (DfE school
// census, "first language other than English"): Polish, Romanian, Urdu,
// Punjabi, Arabic, Bengali, Portuguese, Spanish, Somali and Lithuanian.
import type { VocabularyGroup } from '../types';
import { ARABIC } from './arabic';
import { BENGALI } from './bengali';
import { LITHUANIAN } from './lithuanian';
import { POLISH } from './polish';
import { PORTUGUESE } from './portuguese';
import { PUNJABI } from './punjabi';
import { ROMANIAN } from './romanian';
import { SOMALI } from './somali';
import { SPANISH } from './spanish';
import { URDU } from './urdu';

export const FAMILY_LANGUAGES: readonly VocabularyGroup[] = [
  ...POLISH, ...ROMANIAN, ...URDU, ...PUNJABI, ...ARABIC, ...BENGALI, ...PORTUGUESE, ...SPANISH, ...SOMALI, ...LITHUANIAN,
];
