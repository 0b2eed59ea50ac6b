// Looked-after children, kinship and private fostering, young carers, free
// school meals and pupil premium, suspension and exclusion: status a school
// records about a pupil and must not spread.
import type { VocabularyGroup } from './types';
import { EXCLUSION_SUPPORT } from './rules';

export const WELFARE: readonly VocabularyGroup[] = [
  {
    id: 'looked-after',
    category: 'care',
    language: 'en',
    source: 'Promoting the education of looked-after children and previously looked-after children (DfE, February 2018); Children Act 1989 ss20, 22 and 31',
    section: 'Introduction and glossary: looked-after child, previously looked-after child, personal education plan, virtual school head; care orders and accommodation under s20',
    terms: [
      'looked after child(ren)', 'looked-after child(ren)', 'looked-after pupil(s)', 'is looked after', 'are looked after', 'was looked after', 'being looked after',
      'became looked after', 'looked after status', 'looked after by the local authority', 'previously looked after',
      'child looked after', 'children looked after', 'child in care', 'children in care', 'in care since', '[is|was|been] in care',
      'into care', 'taken into care', 'care order(s)', 'care plan', 'care leaver(s)', 'leaving care', 'care experienced',
      'personal education plan', 'pep meeting', 'pep review', 'virtual school', 'virtual school head', 'lac review', 'cla review',
      'placement breakdown', 'placement move', 'care placement', 'residential placement', 'children(s|\'s) home', 'secure children(s|\'s) home',
      'special guardianship', 'special guardian(s)', 'special guardianship order', 'adoption order', 'adopted from care',
      'was adopted', 'adoptive parent(s)', 'adoptive family', 'residence order', 'pathway plan', 'independent reviewing officer',
      'foster carer(s)', 'foster care', 'foster placement', 'foster family', 'foster parent(s)', 'foster home', 'fostered',
      'respite care',
    ],
    acronyms: ['LAC', 'CLA', 'PLAC', 'PEP', 'SGO', 'IRO', 'VSH', 'CiC'],
  },
  {
    id: 'kinship-young-carers',
    category: 'care',
    language: 'en',
    source: 'Kinship care: statutory guidance for local authorities (DfE, October 2024); Children and Families Act 2014 ss96-97 (young carers); KCSIE 2025 Part one (young carers, private fostering)',
    section: 'Kinship care arrangements; young carers\' needs assessments',
    terms: [
      'kinship care', 'kinship carer(s)', 'kinship placement', 'family and friends care', 'connected person(s)', 'connected carer(s)',
      'young carer(s)', 'young carer(s|\'s) assessment', 'cares for [his|her|their] [mum|mother|dad|father|parent|parents|sibling|brother|sister]',
    ],
  },
  {
    id: 'fsm-pupil-premium',
    category: 'welfare',
    language: 'en',
    source: 'Free school meals: guidance for local authorities, maintained schools, academies and free schools (DfE); Pupil premium: overview and conditions of grant (DfE)',
    section: 'Eligibility for benefits-related free school meals; pupil premium, pupil premium plus and service pupil premium',
    terms: [
      'free school meal(s)', 'fsm eligible', 'eligible for fsm', 'pupil premium', 'pupil premium plus', 'service pupil premium',
      'disadvantaged pupil(s)', 'universal credit', 'income support', 'food bank voucher(s)', 'food bank referral', 'food parcel(s)',
      'household support fund', 'holiday activities and food',
    ],
    acronyms: ['FSM', 'PP', 'PPG', 'PP+', 'SPP', 'HAF'],
  },
  {
    id: 'suspension-exclusion',
    category: 'exclusion',
    language: 'en',
    source: 'Suspension and permanent exclusion from maintained schools, academies and pupil referral units in England, including pupil movement (DfE, August 2024); Behaviour in schools (DfE, February 2024)',
    section: 'Parts 1-3: suspension, permanent exclusion, reintegration, governors\' review and independent review panels; managed moves and off-site direction',
    terms: [
      'exclusion', 'excluded', 'permanent exclusion', 'permanently excluded', 'permanently exclude', 'decision to exclude',
      'decision to suspend', 'to suspend [him|her|them]', 'fixed-term exclusion', 'fixed term exclusion',
      'internal exclusion', 'suspension', 'suspended for', 'reintegration meeting', 'reintegration plan', 'managed move',
      'off-site direction', 'directed off-site', 'independent review panel', 'governors(\'|s|\'s) disciplinary', 'exclusion review',
      'pastoral support plan', 'at risk of exclusion', 'removal from the classroom', 'removed from lessons',
    ],
    acronyms: ['PEX', 'PSP'],
    ambiguous: [{ term: 'suspended', near: EXCLUSION_SUPPORT }],
  },
];
