// Health (UK GDPR Art. 9): the conditions schools plan for, mental health,
// and care events, which say as much as a diagnosis ("admitted", "operation",
// "clinic"). Everyday absence ("unwell", "dentist", "GP appointment") is left out.
import type { VocabularyGroup } from './types';
import { EMERGENCY_SUPPORT, HEALTH_SUPPORT } from './rules';

const MEDICAL_CONDITIONS = 'Supporting pupils at school with medical conditions (DfE, December 2015, updated August 2017)';

export const HEALTH: readonly VocabularyGroup[] = [
  {
    id: 'health-conditions',
    category: 'health',
    language: 'en',
    source: `${MEDICAL_CONDITIONS}; NHS Health A to Z (conditions pages)`,
    section: 'Individual healthcare plans; the conditions the guidance and its templates name (asthma, diabetes, epilepsy, anaphylaxis) and other long-term conditions in childhood',
    terms: [
      'medical condition(s)', 'medical need(s)', 'health condition(s)', 'health need(s)', 'long-term condition', 'chronic illness',
      'serious illness', 'life-limiting', 'life-threatening', 'terminal(ly) ill', 'individual healthcare plan', 'healthcare plan',
      'health care plan', 'medical plan', 'medical history', 'medical records', 'medical report', 'medical evidence',
      'medical information', 'medical emergency', 'medical appointment(s)', 'asthma', 'asthmatic', 'inhaler(s)', 'diabetes',
      'diabetic', 'insulin', 'blood sugar(s)', 'blood glucose', 'hypo', 'epilepsy', 'epileptic', 'seizure(s)',
      'anaphyla*', 'allerg(y|ies|ic)', 'epipen(s)', 'adrenaline auto-injector(s)', 'eczema', 'coeliac', 'crohn(s|\'s)',
      'colitis', 'cystic fibrosis', 'sickle cell', 'cerebral palsy', 'muscular dystrophy', 'spina bifida', 'down(s|\'s) syndrome',
      'tourette(s|\'s)', 'tic disorder', 'migraine(s)', 'heart condition', 'kidney [condition|disease|failure]', 'dialysis',
      'cancer', 'leukaemia', 'tumour', 'chemotherapy', 'radiotherapy', 'oncology', 'stoma', 'catheter', 'feeding tube',
      'continence', 'incontinence', 'toileting need(s)', 'concussion', 'head injury', 'fractured', 'fracture',
      'broken [arm|leg|wrist|ankle|collarbone|finger|toe|nose|elbow]', 'pregnant', 'pregnancy', 'contraception',
      'sexual health', 'genetic condition', 'long covid', 'chickenpox', 'measles', 'mumps', 'scarlet fever', 'whooping cough',
      'meningitis', 'glandular fever', 'tonsillitis', 'impetigo', 'head lice', 'headlice', 'scabies', 'hand, foot and mouth', 'hand foot and mouth', 'tuberculosis', 'hepatitis', 'hiv',
    ],
    acronyms: ['IHP', 'IHCP', 'AAI', 'STI', 'T1D'],
  },
  {
    id: 'health-mental',
    category: 'health',
    language: 'en',
    source: 'Mental health and behaviour in schools (DfE, November 2018); KCSIE 2025 Part one (mental health)',
    section: 'Mental health problems in children and young people; referral to specialist services',
    terms: [
      'mental health', 'mental illness', 'anxiety', 'anxious attachment', 'panic attack(s)', 'depression', 'depressed',
      'low mood', 'self-harm', 'self-harming', 'selfharm', 'self-injur*', 'suicid*', 'overdose(d)', 'eating disorder(s)',
      'anorexi*', 'bulimi*', 'avoidant restrictive food intake', 'obsessive compulsive', 'post-traumatic stress', 'trauma',
      'traumatised', 'psychosis', 'psychotic', 'bipolar', 'schizophreni*', 'personality disorder', 'hallucinations',
      'camhs', 'crisis team', 'mental health support team', 'sectioned', 'mental health act', 'psychiatr*', 'psychologist',
      'counselling', 'counsellor', 'therapy', 'therapist', 'play therapy', 'art therapy', 'bereavement', 'bereaved',
      'grief counselling', 'safety plan',
    ],
    acronyms: ['CAMHS', 'OCD', 'PTSD', 'ARFID', 'MHST', 'CYPMHS'],
  },
  {
    id: 'health-care-events',
    category: 'health',
    language: 'en',
    source: 'NHS England "Hospital admissions, discharge and outpatient appointments" (NHS website: hospitals and clinics); Supporting pupils at school with medical conditions 2015 (returning to school after treatment)',
    section: 'Care events: admission, discharge, surgery, A&E, diagnosis, referral, prescription, outpatient clinics',
    terms: [
      'admitted to hospital', 'admitted into hospital', 'admitted (to|onto) the ward', 'hospital admission', 'hospitalised',
      'in hospital', 'in the hospital', 'to hospital', 'to the hospital', 'from hospital', 'from the hospital', 'at the hospital',
      'into hospital', 'out of hospital', 'hospital appointment(s)', 'hospital stay', 'hospital visit', 'hospital treatment',
      'hospital letter', 'hospital consultant', 'children(s|\'s) ward', 'on the ward', 'intensive care', 'high dependency',
      'discharged', 'discharge summary', 'discharge letter', 'surgery', 'post-op', 'post-operative', 'had an operation',
      'having an operation', 'needs an operation', 'an operation on [her|his|their]', 'general anaesthetic',
      'a&e', 'a and e', 'a & e', 'accident and emergency', 'emergency department', 'urgent care',
      'diagnos(is|es|ed)', 'undiagnosed', 'misdiagnos*', 'assessment for [autism|adhd|asd|dyslexia]', '[autism|adhd|asd] assessment',
      'waiting list for [an|a] [assessment|diagnosis]', 'prescription(s)', 'prescribed medication', 'antibiotics', 'medication',
      // Medicines a school gives and records (the guidance's record of medicine administered to an individual child).
      'calpol', 'paracetamol', 'ibuprofen', 'nurofen', 'piriton', 'antihistamine(s)', 'a temperature of', 'high temperature',
      'medicine(s) in school', 'outpatient(s)', 'inpatient', 'paediatrician', 'paediatric', 'neurologist', 'cardiologist',
      'consultant paediatrician', 'consultant psychiatrist', 'school nurse', 'health visitor', 'blood test(s)', 'mri scan',
      'ct scan', 'x-ray', 'ecg', 'eeg', 'physiotherapy', 'audiology', 'hearing test', 'tested positive', 'hospice',
    ],
    acronyms: ['ICU', 'HDU', 'PICU', 'MRI'],
    ambiguous: [
      // The vehicle and the job are also careers and visits; an emergency happened when one was called or came.
      { term: 'ambulance', near: EMERGENCY_SUPPORT },
      { term: 'paramedic(s)', near: EMERGENCY_SUPPORT },
      { term: 'operation(s)', near: HEALTH_SUPPORT },
      { term: 'clinic(s)', near: HEALTH_SUPPORT },
      { term: 'consultant(s)', near: HEALTH_SUPPORT },
      { term: 'prescribed', near: HEALTH_SUPPORT },
      { term: 'admitted', near: HEALTH_SUPPORT },
      { term: 'appointment(s)', near: ['hospital', 'consultant', 'paediatric*', 'clinic', 'camhs', 'specialist', 'outpatient(s)', 'orthopaedic', 'audiology'] },
    ],
  },
];
