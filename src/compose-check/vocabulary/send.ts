// Special educational needs and disability: the four broad areas of need with
// the needs the Code names under each, and the statutory process around them.
import type { VocabularyGroup } from './types';

const CODE = 'Special educational needs and disability code of practice: 0 to 25 years (DfE and DHSC, January 2015)';

export const SEND: readonly VocabularyGroup[] = [
  {
    id: 'send-general',
    category: 'send',
    language: 'en',
    source: CODE,
    section: 'Introduction xiii-xv (definitions of SEN and disability); Chapter 6 (schools)',
    terms: [
      'special educational need(s)', 'special needs', 'sen support', 'sen register', 'sen status', 'sen need(s)',
      'send support', 'send needs', 'learning difficult(y|ies)', 'learning disabilit(y|ies)', 'disabilit(y|ies)',
      'special educational provision', 'additional needs', 'complex needs', 'neurodivergen*', 'neurodevelopmental',
    ],
    acronyms: ['SEN', 'SEND'],
  },
  {
    id: 'send-communication-interaction',
    category: 'send',
    language: 'en',
    source: CODE,
    section: '6.28-6.29 Broad areas of need: communication and interaction',
    terms: [
      'speech, language and communication need(s)', 'speech language and communication need(s)',
      'speech and language need(s)', 'speech and language difficult(y|ies)', 'speech and language delay', 'speech delay',
      'language delay', 'speech difficult(y|ies)', 'language disorder', 'asc diagnosis', 'asc assessment', 'autism spectrum condition',
      'developmental language disorder', 'autis*', 'autism spectrum', 'asperger*', 'asd', 'social communication difficult(y|ies)',
      'selective mutism', 'stammer(ing)', 'pragmatic language',
    ],
    acronyms: ['SLCN', 'DLD'],
  },
  {
    id: 'send-cognition-learning',
    category: 'send',
    language: 'en',
    source: CODE,
    section: '6.30-6.31 Broad areas of need: cognition and learning',
    terms: [
      'moderate learning difficult(y|ies)', 'severe learning difficult(y|ies)', 'profound and multiple learning difficult(y|ies)',
      'specific learning difficult(y|ies)', 'dyslexi*', 'dyscalculi*', 'dyspraxi*', 'developmental coordination disorder',
      'global developmental delay', 'developmental delay', 'processing difficult(y|ies)', 'working memory difficult(y|ies)',
      'intellectual disabilit(y|ies)',
    ],
    acronyms: ['MLD', 'SLD', 'PMLD', 'SpLD', 'DCD', 'GDD'],
  },
  {
    id: 'send-semh',
    category: 'send',
    language: 'en',
    source: CODE,
    section: '6.32-6.33 Broad areas of need: social, emotional and mental health difficulties',
    terms: [
      'social, emotional and mental health', 'social emotional and mental health', 'attention deficit disorder',
      'attention deficit hyperactivity disorder', 'adhd', 'attachment disorder', 'attachment difficult(y|ies)',
      'emotionally based school avoidance', 'school refusal', 'anxiety-based school avoidance', 'oppositional defiant disorder',
      'conduct disorder', 'pathological demand avoidance', 'medically unexplained', 'emotional and behavioural difficult(y|ies)',
      'behavioural, emotional and social difficult(y|ies)',
    ],
    acronyms: ['SEMH', 'ADHD', 'EBSA', 'ODD', 'PDA'],
  },
  {
    id: 'send-sensory-physical',
    category: 'send',
    language: 'en',
    source: CODE,
    section: '6.34-6.35 Broad areas of need: sensory and/or physical needs',
    terms: [
      'vision impairment', 'visual(ly) impair*', 'hearing impair*', 'multi-sensory impairment', 'physical disabilit(y|ies)',
      'is deaf', 'profoundly deaf', 'deafness', 'hearing loss', 'registered blind', 'is blind', 'partially sighted',
      'sight impaired', 'hearing aid(s)', 'cochlear implant(s)', 'wheelchair user', 'uses a wheelchair', 'in a wheelchair',
      'sensory processing', 'sensory needs', 'sensory impairment', 'mobility difficult(y|ies)',
    ],
    acronyms: ['MSI'],
  },
  {
    id: 'send-sen-support',
    category: 'send',
    language: 'en',
    source: CODE,
    section: '6.44-6.56 SEN support in schools: the graduated approach (assess, plan, do, review)',
    terms: [
      'graduated approach', 'assess, plan, do, review', 'assess plan do review', 'provision map', 'one-page profile',
      'pupil passport', 'individual education plan', 'sen support plan', 'learning support plan',
    ],
    acronyms: ['IEP', 'ILP', 'APDR'],
  },
  {
    id: 'send-ehc-process',
    category: 'send',
    language: 'en',
    source: CODE,
    section: 'Chapter 9: Education, Health and Care needs assessments and plans; 9.166-9.185 reviewing an EHC plan; Chapter 11 resolving disagreements',
    terms: [
      'ehcp(s)', 'ehc plan(s)', 'education, health and care plan', 'education health and care plan', 'education health and care',
      'ehc needs assessment', 'ehc assessment', 'statutory assessment', 'ehcp application', 'ehcp request', 'decision to assess',
      '[refusal|refused|agreed|decided] to assess', 'draft ehcp', 'final ehcp', '[ehcp|sen|send] panel', '[sen|send] caseworker',
      'ehc(p) coordinator', 'psychological advice', 'annual review(s)', 'ehcp review', 'ehc plan review',
      'personal budget', 'statement of special educational needs', 'statement of sen', 'send tribunal', 'sen tribunal',
      'first-tier tribunal', 'sendist', 'send mediation', 'top-up funding', 'high needs funding', 'element 3 funding',
      'educational psycholog*', 'ep assessment', 'ep report', 'ep visit', 'speech and language therap*', 'speech therap*',
      'occupational therap*', 'physiotherap*', 'physio', 'portage',
    ],
    acronyms: ['EHCP', 'EHC', 'EHCNA', 'EP', 'SALT', 'SaLT', 'OT', 'SENDIST'],
  },
  {
    id: 'send-access-arrangements',
    category: 'send',
    language: 'en',
    source: 'Joint Council for Qualifications, Access Arrangements and Reasonable Adjustments (edition for the current academic year)',
    section: 'Chapter 5: the access arrangements available',
    terms: [
      'access arrangement(s)', 'exam concession(s)', 'extra time in exams', '25% extra time', 'reader and scribe',
      'rest breaks in exams', 'separate invigilation', 'reasonable adjustment(s)',
    ],
  },
];
