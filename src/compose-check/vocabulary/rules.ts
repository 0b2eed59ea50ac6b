// Precision rules for the vocabulary: what makes an ambiguous term count,
// phrases that contain a term without being about a pupil, and the words that
// mark an event, campaign, course, document or organisation's name.
import type { Term } from './types';

/** How far a supporting word may be from an ambiguous term, in characters. */
export const SUPPORT_REACH = 150;

/**
 * Care events and clinical words: "operation", "clinic", "consultant" and
 * "prescribed" are health only beside one of these ("operation on her knee at
 * the hospital", not "Operation Christmas Child"; "asthma clinic", not "netball clinic").
 */
export const HEALTH_SUPPORT: readonly Term[] = [
  'hospital(s)', 'surgery', 'surgeon(s)', 'anaesthetic', 'anaesthetist', 'general anaesthetic', 'recover*', 'recuperat*',
  'ward', 'consultant(s)', 'paediatric*', 'pediatric*', 'clinic(s)', 'nurse(s)', 'doctor(s)', 'gp', 'a&e', 'diagnos*',
  'medication', 'medical', 'condition', 'treatment', 'outpatient(s)', 'specialist(s)', 'scan(s)', 'x-ray(s)', 'mri',
  'blood test(s)', 'physio*', 'plaster cast', 'stitches', 'antibiotic(s)', 'tablet(s)', 'inhaler(s)', 'injur*', 'pain',
  'knee', 'hip', 'heart', 'ear(s)', 'eye(s)', 'tonsil*', 'appendix', 'grommet(s)', 'leg', 'arm', 'wrist', 'ankle', 'spine',
  'asthma', 'diabet*', 'epilep*', 'allerg*', 'eczema', 'migraine(s)', 'camhs', 'psychiatr*', 'mental health', 'prescription',
  'audiology', 'orthopaedic', 'cardiology', 'neurology', 'dermatology', 'sleep', 'growth', 'gender identity',
];

/**
 * Services a pupil is referred to: "referred" alone is also what a chapter or
 * a footnote is; "referred to CAMHS" or "to the MASH" is about the pupil.
 */
export const SERVICE_SUPPORT: readonly Term[] = [
  'camhs', 'social care', 'social services', 'children(s|\'s) services', 'social worker(s)', 'mash', 'early help', 'paediatric*',
  'gp', 'educational psycholog*', 'ep', 'speech and language', 'salt', 'occupational therap*', 'ot', 'school nurse',
  'counsell*', 'hospital', 'consultant', 'clinic', 'assessment', 'channel', 'prevent', 'police', 'lado', 'nrm',
  'virtual school', 'youth justice', 'yot', 'ehc', 'ehcp', 'senco', 'sendco', 'dsl', 'designated safeguarding lead',
  'safeguarding', 'autism', 'adhd', 'psychiatr*', 'therapist', 'therapy', 'specialist', 'sen',
];

/**
 * An emergency that happened to someone: "an ambulance was called", "the
 * paramedics checked him over". Not the job or the vehicle as a subject: a
 * pupil who wants to be a paramedic, a careers day with the ambulance service.
 */
export const EMERGENCY_SUPPORT: readonly Term[] = [
  'called', 'call for', 'rang for', 'attended', 'arrived', 'came', 'took (him|her|them)', 'taken', 'treated', 'checked (him|her|them) over',
  'injur*', 'hurt', 'fell', 'fall', 'collapse*', 'seizure(s)', 'fit', 'unconscious', 'unresponsive', 'bleeding', 'breathing',
  'allergic reaction', 'anaphyla*', 'epipen', 'a&e', 'accident', 'overdose', 'head injury',
];

/**
 * Services and online contact that make "grooming" a child's: "groomed online",
 * "grooming by an adult", not a dog-grooming course or grooming a horse.
 */
export const GROOMING_SUPPORT: readonly Term[] = [
  'online', 'chat', 'messag*', 'app', 'apps', 'game', 'gaming', 'snapchat', 'tiktok', 'instagram', 'whatsapp', 'discord', 'roblox',
  'adult', 'older', 'stranger', 'sexual*', 'exploit*', 'contact', 'contacted', 'gifts', 'money', 'police', 'ceop', 'safeguarding',
];

/** Crime and its aftermath: "the police" visit assemblies; "police … arrested" or "police … custody" is Art. 10 data. */
export const CRIME_SUPPORT: readonly Term[] = [
  'arrest*', 'custody', 'charged', 'caution(ed)', 'interview(ed)', 'investigat*', 'statement', 'crime', 'criminal', 'offence(s)',
  'offender', 'offending', 'assault*', 'theft', 'stole', 'stolen', 'shoplift*', 'weapon(s)', 'knife', 'knives', 'drug(s)',
  'cannabis', 'missing', 'station', 'youth justice', 'court', 'bail', 'victim', 'witness', 'allegation(s)', 'abuse', 'exploitation',
  'county lines', 'gang(s)', 'fight', 'fighting', 'harassment', 'threat*', 'safe and well', 'domestic', 'incident', 'reported',
  // What the police did to a pupil: "collected from school by the police", "picked up", "stopped and searched".
  'collected', 'taken [away|home|to]', 'picked up', 'stopped', 'stop and search', 'questioned', 'searched', 'detained',
  'escorted', 'brought [him|her|them] home', 'found [him|her|them]',
];

/** Discipline: "suspended" is also a ceiling, a match or an account. */
export const EXCLUSION_SUPPORT: readonly Term[] = [
  'behaviour', 'incident', 'exclusion', 'excluded', 'reintegration', 'headteacher', 'head teacher', 'fixed-term',
  'day(s)', 'internal', 'pending', 'investigation', 'sanction(s)', 'misconduct', 'assault*', 'fight', 'fighting',
  'vape', 'vaping', 'weapon', 'knife', 'drugs', 'return to school', 'governors', 'appeal',
];

/**
 * Someone other than the pupil named, as the subject just before a health or
 * care term: the term is theirs ("her mum is in hospital", "my operation",
 * "Miss Nair is having an operation", "a younger pupil had an asthma attack").
 * UK GDPR's special category is the data subject's own health; a parent's
 * admission or a teacher's operation is not the pupil's.
 */
export const OTHER_PEOPLE: readonly string[] = [
  'mum', 'mummy', 'mam', 'mother', 'dad', 'daddy', 'father', 'stepmum', 'stepdad', 'step-mum', 'step-dad', 'parent', 'parents',
  'nan', 'nana', 'nanny', 'gran', 'granny', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandpa', 'grandfather', 'grandparent',
  'aunt', 'auntie', 'aunty', 'uncle', 'cousin', 'brother', 'sister', 'stepbrother', 'stepsister', 'sibling', 'carer', 'partner',
  // Not 'he', 'she' or 'they': those are as often the pupil ("Amelia came in late; she has asthma").
  'husband', 'wife', 'teacher', 'colleague', 'i', 'my', 'we', 'our',
  // The reader: a parent or professional ("sorry to hear you've been in hospital"); "your child's" is the child's.
  'you', 'your',
];
/** "Pupil" and its like are someone else after one of these ("a younger pupil", "another child"), not after "the". */
export const OTHER_PUPIL_NOUNS: readonly string[] = ['pupil', 'student', 'child', 'learner', 'boy', 'girl'];
export const OTHER_PUPIL_OPENERS: readonly string[] = ['a', 'an', 'another', 'one', 'other', 'younger', 'older', 'different', 'new'];
/** A title before a surname names a member of staff or another adult ("Miss Nair is having an operation"). */
export const PERSON_TITLES: readonly string[] = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];
/** Between that subject and the term: "is", "has been", "is currently having". */
export const SUBJECT_LINKS: readonly string[] = [
  'is', 'was', 'are', 'were', 'am', 'has', 'had', 'have', 'got', 'been', 'having', 'being', 'just', 'also', 'still', 'recently', 'currently', 'now', 'in',
  'a', 'an', 'the',
];

/**
 * Words that make a term the topic of what someone said, saw or feared rather
 * than what they have or had: "I'm worried about self-harm", "we spoke about
 * anxiety", "I've noticed signs of neglect". The pupil may be the one meant.
 */
export const TOPIC_WORDS: readonly string[] = [
  'about', 'regarding', 'concerning', 're', 'around', 'discuss', 'discussed', 'discussing', 'spoke', 'speak', 'talked', 'talk',
  'mentioned', 'noticed', 'notice', 'observed', 'seen', 'saw', 'heard', 'worried', 'worry', 'concern', 'concerns', 'concerned',
  'signs', 'sign', 'suspect', 'suspected', 'think', 'believe', 'feel', 'felt', 'know', 'knew', 'told', 'tell', 'asked', 'ask',
  'reported', 'report', 'referred', 'refer', 'referral', 'raised', 'disclosed', 'disclosure', 'evidence', 'risk', 'possible',
];

/**
 * Phrases that contain a context term but are not about a pupil's needs,
 * safety or health. A context term inside one does not count.
 */
export const NOT_CONTEXT: readonly Term[] = [
  // Schools and services named by what they serve, not a pupil's status.
  'pupil referral unit(s)', 'referral code(s)', 'referral link(s)', 'referral scheme(s)', 'referral bonus(es)', 'referral fee(s)',
  'refer a friend', 'alternative provision',
  // Universal infant free school meals are every Key Stage 1 child's, not a sign of income.
  'universal infant free school meal(s)', 'universal free school meal(s)', 'uifsm',
  // Everyday senses of words that are also exclusions and care.
  'suspension bridge(s)', 'suspension of (the )[timetable|lessons|swimming|clubs|service|trips|fixtures|match|matches]',
  'suspended ceiling(s)', '[rear|front|air|car|van|bike|minibus|vehicle|coach|bus] suspension',
  'suspension [fault|faults|problem|problems|repair|repairs|spring|springs|arm|arms|system|unit|knocking|check]', 'account [was|is|has been] suspended', 'vat excluded', 'excluding vat',
  'excluded from the [photo|photos|picture|team|group|list|price|total|count|figures|data|results|offer]',
  '[felt|feel|feels|feeling] excluded', 'exclusion zone(s)', 'exclusion criteria', 'exclusion clause(s)',
 'in care of', 'take(s) care of', 'taking care of', 'taken care of', 'works in care',
  'work in care', 'care home [staff|worker|workers]', 'great depression', 'trauma-informed', 'trauma informed',
  'anti-bullying', 'drugs education', 'drug education', 'drug awareness', 'police [talk|assembly]',
  'mental health first aid(er)(s)', 'paediatric first aid(er)(s)', 'hospital [road|lane|street|radio]', 'care [of|for] the environment',
  // Names of organisations and checks that hold a term: a first-aid charity, staff vetting, a curriculum subject.
  'st john(s|\'s) ambulance', 'disclosure and barring', 'dbs disclosure', 'relationships and sexuality education',
  // Diagnosis as mechanics, IT and teaching say it: finding a fault, or what a lesson finds out.
  '[fault|faults|engine|vehicle|car|computer|network|system|electrical|mechanical|error|software|hardware] diagnos*',
  'diagnostic [test|tests|tool|tools|code|codes|check|checks|report|mode|questions|quiz|assessment of the class]',
  // ...and as critics say it: a diagnosis of what a writer does, a poem's treatment of its theme.
  'diagnosis of [what|how|why|the problem|the problems|the issue|the issues|the text|the poem]',
  // Sympathy said to a family is the writer's own practice, not the pupil's religion.
  'thoughts and prayers', '[our|my] prayers', 'prayers are with',
  // A job that holds a term: "mum is a police sergeant", "working as an A&E doctor" (not "seen by an A&E doctor").
  '[as|is|was] (a |an )[a&e|a and e|hospital|ward|camhs|mental health|police|youth justice|social care|paediatric|children(s|\'s) services] [doctor|doctors|nurse|nurses|consultant|consultants|sister|porter|receptionist|paramedic|officer|officers|sergeant|constable|inspector|worker|workers|practitioner|manager|specialist|therapist]',
  // Saying there is none: "no medical evidence provided".
  '[no|without|not any|without any] medical [evidence|note|notes|certificate|letter]',
  // Benefit signposting addressed to every family (KCSIE-style signposting is boilerplate in sections.ts).
  '[families|parents|carers|households|you] [on|receiving|claiming|who receive|who claim] universal credit',
];

/**
 * Heads that make a capitalised run a name rather than a description:
 * "Mental Health Awareness Week", "Diabetes UK", "National Autistic Society",
 * "Young Carers Action Day", "SEND Information Report", "Mental Health
 * Champion" (a role pupils are chosen for). Not clubs, groups or awards:
 * "Young Carers Club" and "Young Carer of the Year" say who the pupil is.
 * Matched case-insensitively on words written with a capital.
 */
export const TITLE_HEADS: readonly string[] = [
  'week', 'day', 'month', 'fortnight', 'awareness', 'acceptance', 'appeal', 'campaign', 'challenge', 'fundraiser', 'fundraising',
  'run', 'walk', 'bake', 'fair', 'festival', 'assembly', 'workshop', 'workshops', 'course', 'courses', 'training', 'webinar',
  'policy', 'policies', 'procedure', 'procedures', 'information', 'handbook', 'guide', 'guidance', 'leaflet', 'booklet', 'toolkit',
  'strategy', 'framework', 'protocol', 'conference',
  'charter', 'newsletter', 'poster', 'competition', 'quiz', 'champion', 'champions', 'ambassador', 'ambassadors',
  'society', 'trust', 'foundation', 'charity', 'association', 'alliance', 'network', 'uk', 'action', 'lottery',
];

/** The same in lower case, where a title is written without capitals ("mental health awareness week"). */
export const LOWER_TITLE_HEADS: readonly string[] = [
  'awareness', 'acceptance', 'appeal', 'campaign', 'fundraiser', 'fundraising', 'charity', 'policy', 'policies', 'poster',
  'competition', 'quiz', 'champion', 'champions', 'ambassador', 'ambassadors', 'assembly', 'assemblies',
];

/** "Young carers action day", "disability history month": a lower-case event name. */
export const LOWER_EVENT_WORDS: readonly string[] = ['action', 'celebration', 'history', 'appreciation', 'awareness', 'acceptance'];
export const EVENT_PERIODS: readonly string[] = ['week', 'day', 'month', 'fortnight'];
/** "World mental health day", "national autism week". */
export const EVENT_OPENERS: readonly string[] = ['world', 'national', 'international', 'global', 'children\'s'];

/** Small words inside a title: "Children in Need", "Asthma + Lung UK". */
export const TITLE_CONNECTORS: readonly string[] = ['of', 'and', 'in', 'for', 'the', 'on', 'with', 'to', 'a', '&', '+', 'at'];

/**
 * Names of charities, appeals and events that contain a context phrase, as
 * written (with capitals). "Children in Need" is the BBC appeal; a child in
 * need (Children Act 1989 s17) is written in lower case or as "CIN".
 */
export const KNOWN_TITLES: readonly string[] = [
  'Children in Need',
  // Qualifications and courses a pupil applies for or studies ("applied for Health & Social Care L2").
  'Health and Social Care', 'Health & Social Care', 'Health and Fitness', 'Child Development', 'Sport and Exercise Science',
];
