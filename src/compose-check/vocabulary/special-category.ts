// UK GDPR special categories (Art. 9) other than health, and criminal offence
// data (Art. 10), as they appear in school mail about a pupil or their family.
import type { VocabularyGroup } from './types';
import { CRIME_SUPPORT } from './rules';

const GDPR = 'UK GDPR Art. 9(1) special categories of personal data; ICO guidance "Special category data"';

export const SPECIAL_CATEGORY: readonly VocabularyGroup[] = [
  {
    id: 'gdpr-ethnicity-religion',
    category: 'special-category',
    language: 'en',
    source: GDPR,
    section: 'Art. 9(1): racial or ethnic origin; religious or philosophical beliefs',
    terms: [
      'ethnicity', 'ethnic origin', 'ethnic background',
      // The ethnic groups the DfE school census records (Complete the school census: ethnicity codes), and heritage as staff write it.
      'white british', 'white irish', 'white and black caribbean', 'white and black african', 'white and asian', 'black caribbean',
      'black african', 'black british', 'british asian', 'asian british', 'mixed race', 'mixed heritage', 'dual heritage',
      'traveller of irish heritage', 'irish traveller(s)', 'roma heritage',
      '[african|caribbean|ghanaian|nigerian|somali|eritrean|jamaican|pakistani|bangladeshi|indian|chinese|arab|kurdish|afghan|syrian|turkish|polish|romanian|roma|gypsy|traveller] heritage', 'racial abuse', 'racist incident(s)', 'racially motivated',
      'religious belief(s)', 'religious reasons', 'religious observance', '[her|his|their] religion', 'refugee status', 'asylum seeker', 'asylum claim', 'immigration status',
      'no recourse to public funds', 'gypsy, roma and traveller', 'gypsy roma traveller',
      '[is|are] [muslim|christian|jewish|hindu|sikh|buddhist|catholic|jehovah(s|\'s) witness(es)]', 'fasting for ramadan',
    ],
    acronyms: ['GRT', 'NRPF'],
  },
  {
    id: 'gdpr-religious-practice',
    category: 'special-category',
    language: 'en',
    source: `${GDPR}, "What about inferences?" (April 2024)`,
    section: 'Art. 9(1): religious beliefs, revealed by what a school arranges for a pupil: a halal or kosher meal, a room for prayers, fasting',
    personal: true,
    terms: [
      'halal', 'kosher', 'prayer(s)', 'prayer room', 'prayer space', 'friday prayers', 'ramadan', 'fasting',
      'religious [festival|festivals|holiday|holidays|dress|clothing|diet|requirements]',
    ],
  },
  {
    id: 'gdpr-sex-life-orientation-gender',
    category: 'special-category',
    language: 'en',
    source: `${GDPR}; Equality Act 2010 s7 (gender reassignment); DfE draft guidance "Gender questioning children" (December 2023)`,
    section: 'Art. 9(1): a natural person\'s sex life or sexual orientation; gender identity',
    terms: [
      'sexual orientation', 'sexuality', '~gay', '~lesbian', 'bisexual', 'lgbt*', 'came out as', 'coming out as', 'transgender', '~trans',
      'non-binary', 'gender identity', 'gender questioning', 'gender dysphoria', 'social transition', 'socially transition*',
      'new name and pronouns', 'change of pronouns', 'chest binder', 'puberty blocker(s)', 'gender clinic',
      // What a school writes down when a pupil asks to change how they are known (DfE draft guidance, "social transition").
      // "he/him pronouns": the slash is no word separator, so the pair is found by its second half.
      '[him|her|them|hir|xem] pronouns', 'pronouns [he|she|they|ze|xe]', 'use [he|she|they] pronouns',
      'different pronouns', 'new pronouns', 'preferred pronouns', 'legal sex', 'birth name', 'dead name', 'deadname(d|ing)',
      'sexual activity', 'sexually active', 'sexual relationship',
    ],
    acronyms: ['LGBT', 'LGBTQ', 'LGBTQ+', 'LGBTQIA+'],
  },
  {
    id: 'gdpr-biometrics',
    category: 'special-category',
    language: 'en',
    source: `${GDPR}; Protection of Freedoms Act 2012 ss26-28 and DfE "Protection of biometric information of children in schools and colleges"`,
    section: 'Art. 9(1): biometric data processed to identify a person',
    // The data itself, not the consent letters every family gets ("biometric consent form"), which say nothing about the pupil.
    terms: [
      'biometric data', 'fingerprint scan', 'facial recognition', 'genetic condition', 'genetic test(ing)',
      // The template a cashless till or library system keeps, and enrolling a pupil on it (the DfE guidance's own words).
      'biometric template(s)', 'fingerprint template(s)', 'biometric record(s)', 'biometric enrolment',
    ],
    ambiguous: [{ term: 'fingerprint(s)', near: ['till(s)', 'canteen', 'cashless', 'scanner', 'reader', 'template', 'enrol*', 're-enrol*', 'register*', 'biometric*', 'recognition', 'catering'] }],
  },
  {
    id: 'gdpr-criminal-offences',
    category: 'criminal',
    language: 'en',
    source: 'UK GDPR Art. 10 and DPA 2018 s11(2) (criminal offence data: offences, alleged offences, proceedings and sentences); Youth Justice Board "Case management guidance"',
    section: 'Art. 10: personal data relating to criminal convictions and offences or related security measures',
    terms: [
      'arrest(ed)', 'under arrest', 'in custody', 'police custody', 'police station', 'police interview', 'police investigation',
      'police involvement', 'police (are|were|have been) involved', 'police (were|was) called', 'called the police',
      'reported (it|this|him|her|them) to the police', 'police report', 'police statement', 'police incident', 'police referral',
      'crime reference', 'crime number', 'charged with', 'criminal record', 'criminal offence', 'criminal conviction(s)', 'convicted',
      'offending', 'reoffending', 'young offender(s)', 'youth offending', 'youth offending team', 'youth justice', 'youth court',
      'magistrates(\'|s|\'s) court', 'crown court', 'referral order', 'youth caution', 'police caution', 'conditional caution',
      'community resolution', 'on bail', 'bail conditions', 'released under investigation', 'probation officer', 'probation service', 'electronic tag',
      'tagged by the court', 'custodial', 'remand(ed)', 'young offender institution', 'secure training centre',
    ],
    acronyms: ['YOT', 'YOS', 'YJS', 'RUI', 'YOI'],
    ambiguous: [{ term: 'police', near: CRIME_SUPPORT }],
  },
];
