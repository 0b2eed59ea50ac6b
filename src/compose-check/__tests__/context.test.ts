// Context from the vocabulary, category by category and rule by rule, as
// staff write it: a roster pupil named beside a term counts; the same words in
// their everyday senses, in a title, or in a phrase about no one do not.
import { describe, expect, it } from 'vitest';
import { findSensitiveData } from '../detect';
import { findContext } from '../context';
import { cleanText } from '../normalise';
import { draft, settings } from './factories';

const s = settings();
const sensitive = (text: string): boolean =>
  findSensitiveData(draft({ text }), s).some((f) => f.kind === 'pupil-in-sensitive-context');
const terms = (raw: string): string[] => {
  const text = cleanText(raw);
  return findContext(text, text.toLowerCase()).map((m) => text.slice(m.start, m.end));
};

describe('each category, in English', () => {
  it.each([
    ['a specific learning difficulty (SEND Code 6.30)', 'Amelia Smith has dyscalculia; please let her use a number square.'],
    ['a mental-health need (SEND Code 6.32)', 'Amelia Smith is struggling with anxiety and low mood this term.'],
    ['a step of the EHC process (SEND Code ch. 9)', 'The EHC needs assessment for Amelia Smith was agreed at panel.'],
    ['an annual review', 'Amelia Smith: annual review on 4 March, parents invited.'],
    ['exam access arrangements', 'Amelia Smith has access arrangements: a reader and scribe.'],
    ['Operation Encompass (KCSIE Annex B)', 'We had an Operation Encompass notification this morning for Amelia Smith.'],
    ['a child missing from home (KCSIE Annex B)', 'Amelia Smith was reported missing from home overnight.'],
    ['private fostering (KCSIE Part one)', 'Amelia Smith is living with a family friend in a private fostering arrangement.'],
    ['child-on-child abuse (KCSIE Part one)', 'Amelia Smith disclosed child-on-child abuse at lunch.'],
    ['a strategy meeting (Working Together ch. 3)', 'Strategy meeting for Amelia Smith at 2pm with the MASH.'],
    ['early help (Working Together ch. 3)', 'Amelia Smith\'s early help assessment is due.'],
    ['a hospital admission', 'Amelia Smith was admitted to hospital last night.'],
    ['an operation, with care words', 'Amelia Smith had an operation on her knee and will need the lift.'],
    ['a consultant\'s clinic', 'Amelia Smith sees the consultant at the hospital clinic on Friday.'],
    ['a discharge', 'Amelia Smith was discharged on Sunday and is back on Monday.'],
    ['A&E', 'Amelia Smith went to A&E after PE.'],
    ['a condition', 'Amelia Smith\'s epipen is in the office.'],
    ['religion (UK GDPR Art. 9)', 'Amelia Smith is Muslim and will be fasting for Ramadan.'],
    ['religious practice the school arranges (ICO: inferred special category data)', 'Amelia Smith is on the trip; a quiet room for prayers and halal meals are booked.'],
    ['a kosher meal', 'Amelia Smith is booked for Christmas lunch, kosher option noted.'],
    ['a fingerprint template at the till (Protection of Freedoms Act 2012)', "Amelia Smith's fingerprint isn't registering on the till; please re-enrol her."],
    ['a decision to exclude (DfE exclusion guidance)', 'I am writing to confirm my decision to permanently exclude Amelia Smith.'],
    ['a medicine given at school', 'Amelia Smith had a temperature of 38.4, so we gave her 5ml Calpol at 11.10.'],
    ['an ethnic group as the school census records it', 'We nominate Amelia Smith for the scheme for Black Caribbean boys; she is of Jamaican heritage.'],
    ['an A&E doctor who saw the pupil', 'Amelia Smith was seen by an A&E doctor last night.'],
    ['head lice (NHS Health A to Z)', 'Amelia Smith has head lice again, please treat before Monday.'],
    ['neglect done to a pupil (KCSIE Part one)', 'We are worried Amelia Smith is being neglected: she comes in hungry most days.'],
    ['a neglected child', 'Amelia Smith looks neglected and her uniform has not been washed for weeks.'],
    ['sexual orientation (Art. 9)', 'Amelia Smith came out as gay to her tutor.'],
    ['gender identity', 'Amelia Smith has asked to use new name and pronouns.'],
    ['an arrest (UK GDPR Art. 10)', 'Amelia Smith was arrested on Saturday.'],
    ['the youth justice service', 'The youth offending team want Amelia Smith\'s attendance.'],
    ['a suspension (DfE exclusion guidance)', 'Amelia Smith was suspended for two days after the fight.'],
    ['a managed move', 'We are proposing a managed move for Amelia Smith.'],
    ['a looked-after child', 'Amelia Smith is looked after by the local authority.'],
    ['kinship care', 'Amelia Smith now lives with her grandmother, a kinship carer.'],
    ['a young carer', 'Amelia Smith is a young carer for her mum.'],
    ['pupil premium', 'Amelia Smith is eligible for pupil premium.'],
  ])('finds %s', (_name, text) => expect(sensitive(text)).toBe(true));

  it.each([
    ['an operation that is not surgery', 'Amelia Smith ran the operation of the tuck shop brilliantly.'],
    ['a clinic that is not a clinic', 'Amelia Smith came to the netball clinic after school.'],
    ['a consultant that is not a doctor', 'Amelia Smith showed the IT consultant the new laptops.'],
    ['admitting a mistake', 'Amelia Smith admitted she left her book at home.'],
    ['an appointment that is not medical', 'Amelia Smith has a parents\' evening appointment at 4.10pm.'],
    ['police in an assembly', 'Amelia Smith asked the best question in the police talk.'],
    ['a swimming lesson suspended', 'Amelia Smith\'s swimming lesson is suspended while the pool is closed.'],
    ['a page referred to', 'Amelia Smith referred to page 12 in her essay.'],
    ['coming out of a lesson', 'Amelia Smith came out of the lesson early for orchestra.'],
    ['a suspension bridge', 'Amelia Smith built a suspension bridge in DT.'],
    ['a pupil referral unit visit', 'Amelia Smith\'s team played the pupil referral unit at football.'],
    ['universal infant free school meals', 'Amelia Smith\'s class has universal infant free school meals.'],
    ['the anti-bullying ambassadors', 'Amelia Smith joined the anti-bullying ambassadors.'],
    ['"add" in lower case (only "ADHD" and its kin are needs)', 'Please add Amelia Smith to the choir list.'],
    ['a first-aid charity', 'Amelia Smith passed her St John Ambulance badge.'],
    ['a parent\'s vetting check', 'Amelia Smith\'s mum needs a DBS disclosure to help on the trip.'],
    ['benefit signposting', 'Well done Amelia Smith! Families on Universal Credit can apply for holiday clubs.'],
    ['free school meals signposting', 'Free school meals: if your circumstances have changed you may be eligible. Star of the week: Amelia Smith.'],
    ['a whole-school assembly', 'Amelia Smith asked a great question in the knife crime assembly.'],
    ['a biometric consent letter', 'Amelia Smith\'s biometric consent form for the canteen is still missing.'],
    ["the writer's own sympathy", 'Our thoughts and prayers are with you all; Amelia Smith is welcome back whenever she is ready.'],
    ['fingerprint painting', 'Amelia Smith made a lovely fingerprint painting of a tree.'],
    ["a minibus's suspension", "The rear suspension on the minibus is knocking; Amelia Smith's team need it on Thursday."],
    ["a parent's job", "Amelia Smith's mum is a police sergeant and Dr Rowe is working as an A&E doctor: both will talk at careers week."],
    ['saying there is no medical evidence', 'Amelia Smith: 78% attendance, unauthorised holiday in October. No medical evidence provided.'],
    ['an exclusion zone', 'Amelia Smith will be on the javelin; keep spectators behind the exclusion zone.'],
    ['a neglected garden', 'Amelia Smith and the eco club rescued the neglected sensory garden.'],
    ['a strategy document', 'The Young Carers Strategy 2025 is attached; Amelia Smith designed the cover.'],
  ])('does not count %s', (_name, text) => expect(sensitive(text)).toBe(false));
});

describe('supporting words for ambiguous terms', () => {
  it('counts "operation" beside a care word, not alone', () => {
    expect(terms('The operation on his ear is at the hospital.')).toContain('operation');
    expect(terms('The operation starts at nine.')).toEqual([]);
  });
  it('keeps Operation Encompass a safeguarding scheme, whatever is near', () =>
    expect(terms('Operation Encompass call at 8am.')).toEqual(['Operation Encompass']));
  it('counts "police" beside an arrest or an incident, not a visit', () => {
    expect(terms('The police took a statement after the incident.')).toContain('police');
    expect(terms('The police came to the Year 5 road safety day.')).toEqual([]);
  });
  it('counts "referred" to a service, not to a page', () => {
    expect(terms('She was referred to CAMHS in May.')).toContain('referred');
    expect(terms('She referred to the map.')).toEqual([]);
  });
  it('counts an ambulance or paramedics that came for a pupil, not the job or a careers day', () => {
    expect(terms('He fell in PE and an ambulance was called.')).toContain('ambulance');
    expect(terms('The paramedics checked her over and took her to A&E.')).toContain('paramedics');
    expect(terms('Tanvir (paramedic) and Precious (midwifery) would like a place on the careers day.')).toEqual([]);
    expect(terms('The ambulance service is visiting Year 10 on Friday.')).toEqual([]);
  });
  it('counts grooming online or by an adult, not a dog-grooming course', () => {
    expect(terms('We think she is being groomed by an older boy on Snapchat.')).toContain('being groomed');
    expect(terms('He was groomed online by an adult.')).toContain('groomed');
    expect(terms('He starts the dog grooming course on Monday.')).toEqual([]);
  });
  it('does not take support across a blank line', () =>
    expect(terms('The operation is on Monday.\n\nThe hospital car park is closed.')).not.toContain('operation'));
  it('does not take the ambiguous term as its own support ("clinic" near "clinic")', () =>
    expect(terms('Netball clinic, then chess clinic.')).toEqual([]));
});

describe('everyday senses that are not about a pupil', () => {
  it('reads a fault diagnosis on an engine or a network as mechanics, not medicine', () => {
    expect(sensitive('Amelia Smith got a distinction: her fault diagnosis on the Corsa was the best in the group.')).toBe(false);
    expect(sensitive('Amelia Smith ran the network diagnostics for the IT club.')).toBe(false);
    expect(sensitive('Amelia Smith had her diagnosis of dyslexia confirmed.')).toBe(true);
  });
  it('reads a diagnosis of what a writer does, and a poem\'s treatment, as criticism', () => {
    expect(sensitive("Amelia Smith's treatment of the poem was outstanding, a real diagnosis of what Owen does with rhyme.")).toBe(false);
    expect(sensitive('Amelia Smith wrote a sharp diagnosis of the problem with the bridge design.')).toBe(false);
    expect(sensitive("Amelia Smith's diagnosis of autism came through from the paediatrician.")).toBe(true);
  });
});

describe("health said of someone else (UK GDPR Art. 9 is the data subject's own health)", () => {
  it.each([
    ['a parent in hospital', 'Aunt Claire will collect Amelia Smith this week while her mum is in hospital.'],
    ["a teacher's operation", "Miss Nair is having an operation in January, so Amelia Smith's maths group will have Mr Whitlock."],
    ["another pupil's asthma", 'Amelia Smith was brilliant at break: a younger pupil had an asthma attack and she fetched a first aider.'],
    ["a sibling's condition", "Amelia Smith's brother has diabetes, so she will leave at 2 on Friday."],
    ['the reader, a parent', "So sorry to hear you've been in hospital. Amelia Smith read her speech to the group today."],
    ['a later term in the same sentence, with no one else between',
      "So sorry you've been in hospital, I hope the operation went well. Amelia Smith read her speech today."],
    ["a sibling's diagnosis, then its name", "Amelia Smith is quiet: his little brother's diagnosis - leukaemia - is a lot to take in."],
    ["the writer's own operation", "I'm off for a knee operation from the 2nd. Amelia Smith will hand out the books."],
    ["the writer's own A&E, as a figure of speech", 'Amelia Smith won the final - I nearly needed A&E myself in extra time.'],
    ["the writer's own operation, then the consultant's note", 'Following my knee operation the consultant has signed me off. Amelia Smith has coursework due.'],
    ["the reader's mother, then 'she' in the same sentence", "Amelia Smith can go home with Grandad. Hope your mum's operation goes well and she's home from hospital soon."],
    ["'her' after the writer's own mother, with a title in the greeting", 'Hi Mr O my mum is in for her hip operation. My dad will collect Amelia Smith till Friday.'],
    ["the writer's own fast, and pupils in general", "I'm fasting for Ramadan. Pupils needing a halal lunch: 3. Amelia Smith will help load the coach."],
  ])('%s is not about the pupil named', (_, text) => expect(sensitive(text)).toBe(false));
  it.each([
    ['the pupil after a parent reports it', "Amelia Smith's mum rang: Amelia Smith is in hospital with appendicitis."],
    ['the pupil as "she", after a parent is named', "Amelia Smith's mum says she has been diagnosed with epilepsy."],
    ['a parent as the subject of what is not health', 'Amelia Smith: her mum has a social worker and we have a private fostering arrangement to notify.'],
    ['"the pupil", who is the one named', 'Amelia Smith, the pupil we discussed, had an asthma attack at lunch.'],
    ['a later term after the pupil comes in as "she"', "Her mum is in hospital and she has had two seizures this week, so Amelia Smith is home."],
    ['a later term after the pupil is named', "Mum is in hospital and Amelia Smith has had two seizures this week."],
    ['the writer, then the pupil after the term', 'Amelia Smith felt sick at lunch. I gave Calpol to her at 1pm.'],
    ['the writer, then the pupil by name after the term', 'I have booked the hospital appointment for Amelia Smith.'],
    ['the pupil as "he" before the term', "I'm worried he has had two seizures, Amelia Smith's mum says."],
    ['a clause of its own after a comma', 'Amelia Smith, the pupil we discussed, had an asthma attack at lunch.'],
    ['the writer, with the term as the topic', 'Amelia Smith: I have real concerns about self-harm.'],
    ["'her' when no one's own family is named", 'Amelia Smith is off: her hip operation is on Monday.'],
    ["'she' after 'her mum', who may be the pupil's", 'Her mum is in hospital and she has had a seizure; Amelia Smith is with Gran.'],
  ])('%s still counts', (_, text) => expect(sensitive(text)).toBe(true));
});

describe('online safety and gender identity, as schools record them', () => {
  it.each([
    ['an online safety incident (KCSIE Part two)', 'Amelia Smith showed me messages; we logged it as an online safety incident.'],
    ['contact from an unknown adult', 'Amelia Smith was contacted by an adult on a game who asked her to keep it secret.'],
    ['a change of pronouns (social transition)', 'Amelia Smith has asked to use she/her pronouns from Monday.'],
    ['pronouns written the other way round', 'Amelia Smith: pronouns they/them, known as Sam in class.'],
  ])('%s', (_, text) => expect(sensitive(text)).toBe(true));
  it('leaves a grammar lesson on pronouns alone', () =>
    expect(sensitive('Amelia Smith did a great worksheet on pronouns in English today.')).toBe(false));
});

describe('titles of events, campaigns, courses, documents and organisations', () => {
  it.each([
    ['an awareness week and its winners', 'Mental Health Awareness Week poster winners: Amelia Smith and Jack Brown!'],
    ['a week named with a possessive', 'Children\'s Mental Health Week: well done Amelia Smith for her poem.'],
    ['a charity', 'Amelia Smith raised £40 for Diabetes UK.'],
    ['a charity with a connector', 'Amelia Smith ran for Asthma + Lung UK.'],
    ['a society', 'Amelia Smith visited the National Autistic Society stand.'],
    ['a document', 'The SEND Information Report is on the website; Amelia Smith designed the cover.'],
    ['a course', 'Autism Awareness Training is on Monday; Amelia Smith\'s class has cover.'],
    ['a qualification applied for', 'Amelia Smith applied for Health & Social Care L2 at the college.'],
    ['a lower-case awareness day', 'The world mental health day assembly was led by Amelia Smith.'],
    ['a lower-case action day', 'Amelia Smith spoke at the young carers action day.'],
    ['a lower-case campaign', 'Amelia Smith designed our epilepsy awareness poster.'],
    ['the BBC appeal', 'Amelia Smith raised £20 for Children in Need.'],
    ['a role pupils are chosen for', 'Amelia Smith is our new Mental Health Champion.'],
    ['a quoted policy', 'Amelia Smith\'s class read the "medical conditions" policy with me.'],
  ])('does not count a term inside %s', (_name, text) => expect(sensitive(text)).toBe(false));

  it.each([
    ['a child in need plan (Children Act s17)', 'Amelia Smith has a Child in Need plan.'],
    ['a club that says who the pupil is', 'Amelia Smith joined the Young Carers Club.'],
    ['an award that says who the pupil is', 'Amelia Smith is Young Carer of the Year.'],
    ['a meeting named in title case', 'EHCP Annual Review Meeting for Amelia Smith on Friday.'],
    ['a team named in title case', 'Amelia Smith has been referred to the Mental Health Support Team.'],
  ])('still counts %s', (_name, text) => expect(sensitive(text)).toBe(true));
});

describe('words and their inflections', () => {
  it('matches whole words with their endings', () => {
    expect(terms('autism, autistic; referral, referrals; diagnosed; bruising')).toEqual(['autism', 'autistic', 'referral', 'referrals', 'diagnosed', 'bruising']);
  });
  it('never matches inside a longer word', () => expect(terms('nonsafeguarding; referrals2; xadhd; predyslexia')).toEqual([]));
  it('reads acronyms only as written in capitals', () => {
    expect(terms('ADHD and SEMH')).toEqual(['ADHD', 'SEMH']);
    expect(terms('Mr Sen will add it to the semh-free list')).toEqual([]);
  });
  it('reads a phrase across hyphens, line breaks and a wrapped reply\'s markers', () =>
    expect(terms('self-harm; self harm; social\n> worker; child\nprotection')).toEqual(['self-harm', 'self harm', 'social\n> worker', 'child\nprotection']));
  it('counts a lower-case-only term only in lower case ("asma" is asthma, "Asma" a name)', () => {
    expect(terms('Tiene asma.')).toEqual(['asma']);
    expect(terms('Asma Begum won.')).toEqual([]);
  });
});

describe('the families\' languages', () => {
  // Roster names are written as the MIS holds them; the rest is the family's language.
  it.each([
    ['Polish: special educational needs', 'Dzień dobry, Amelia Smith ma specjalne potrzeby edukacyjne i spotka się z logopedą.'],
    ['Polish: in hospital, typed without Polish letters', 'Amelia Smith byla wczoraj w szpitalu, lekarz zmienil jej leki.'],
    ['Polish: a social worker', 'Amelia Smith ma nowego pracownika socjalnego.'],
    ['Romanian: special educational needs', 'Bună ziua, Amelia Smith are cerințe educaționale speciale.'],
    ['Romanian: child protection with cedilla letters', 'Amelia Smith: am vorbit cu protecţia copilului.'],
    ['Spanish: special educational needs', 'Hola, Amelia Smith tiene necesidades educativas especiales.'],
    ['Spanish: asthma in lower case', 'Amelia Smith tiene asma y necesita su inhalador.'],
    ['Portuguese: speech therapy', 'Olá, a Amelia Smith vai ter terapia da fala.'],
    ['Portuguese: domestic violence', 'A Amelia Smith falou de violência doméstica.'],
    ['Lithuanian: special educational needs', 'Laba diena, Amelia Smith turi specialiųjų ugdymosi poreikių.'],
    ['Lithuanian: in hospital, inflected', 'Amelia Smith vakar buvo ligoninėje.'],
    ['Somali: in hospital', 'Amelia Smith waxay ku jirtay isbitaalka shalay.'],
    ['Somali: special needs', 'Amelia Smith waxay leedahay baahiyo gaar ah.'],
    ['Arabic: learning difficulties', 'مرحباً، Amelia Smith لديها صعوبات التعلم.'],
    ['Arabic: hospital with a proclitic', 'كانت Amelia Smith بالمستشفى أمس.'],
    ['Arabic: disability typed without hamza', 'Amelia Smith لديها اعاقة.'],
    ['Urdu: hospital', 'Amelia Smith کو ہسپتال لے جایا گیا۔'],
    ['Urdu typed on an Arabic keyboard', 'Amelia Smith کو هسپتال لے جايا گيا۔'],
    ['Urdu: special educational needs', 'Amelia Smith کی خصوصی تعلیمی ضروریات ہیں۔'],
    ['Punjabi (Gurmukhi): hospital', 'Amelia Smith ਹਸਪਤਾਲ ਵਿੱਚ ਹੈ।'],
    ['Arabic: a suspension with the name inside the phrase', 'لقد تقرر إيقاف Amelia Smith عن الدراسة مؤقتاً لمدة يومين.'],
    ['Polish: police informed and a suspension', 'Amelia Smith została dziś przyłapana z marihuaną. Policja została poinformowana.'],
    ['Polish: suspended for days', 'Amelia Smith zostanie zawieszona na trzy dni.'],
    ['Arabic: blood sugar and insulin', 'انخفض مستوى السكر في الدم لدى Amelia Smith. يرجى إرسال الأنسولين.'],
    ['Bengali: referred to the school nurse, as the English loanword', 'আমি Amelia Smith-কে স্কুল নার্সের কাছে রেফার করেছি।'],
    ['Urdu: referred to the nurse, as the English loanword', 'میں نے Amelia Smith کو اسکول نرس کو ریفر کیا ہے۔'],
    ['Punjabi: referred to the doctor, as the English loanword', 'Amelia Smith ਨੂੰ ਡਾਕਟਰ ਕੋਲ ਰੈਫਰ ਕੀਤਾ ਹੈ।'],
    ['Punjabi (Gurmukhi): child protection typed without addak', 'Amelia Smith ਬਾਲ ਸੁਰਖਿਆ'],
    ['Punjabi (Shahmukhi): special needs', 'Amelia Smith دیاں خاص لوڑاں'],
    ['Bengali: in hospital, inflected', 'Amelia Smith গতকাল হাসপাতালে ছিল।'],
    ['Bengali: special educational needs', 'Amelia Smith এর বিশেষ শিক্ষাগত চাহিদা আছে।'],
    ['Bengali: a nukta letter typed decomposed', 'Amelia Smith এর ডায\u09bcাবেটিস আছে।'],
    // Religious practice the school arranges, as the English group has it (UK GDPR Art. 9).
    ['Polish: a halal meal', 'Amelia Smith ma zamówiony obiad halal na wycieczkę.'],
    ['Romanian: a room for prayer', 'Amelia Smith poate folosi sala pentru rugăciune la prânz.'],
    ['Urdu: a halal meal', 'Amelia Smith کے لیے حلال کھانا منگوایا گیا ہے۔'],
    ['Arabic: Friday prayers', 'سيغادر Amelia Smith مبكراً لصلاة الجمعة.'],
    ['Bengali: fasting', 'Amelia Smith এই মাসে রোজা রাখছে।'],
    ['Somali: a halal meal', 'Amelia Smith waxaa loo diyaariyay cunto xalaal ah.'],
  ])('finds %s', (_name, text) => expect(sensitive(text)).toBe(true));

  it.each([
    ['Polish', 'Dzień dobry, Amelia Smith bardzo dobrze napisała test z matematyki. Wycieczka jest w piątek.'],
    ['Romanian', 'Bună ziua, Amelia Smith a câștigat concursul de matematică. Excursia este vineri.'],
    ['Spanish', 'Hola, Amelia Smith ha ganado el concurso de matemáticas. La excursión es el viernes.'],
    ['Portuguese', 'Olá, a Amelia Smith ganhou o concurso de matemática. A visita de estudo é na sexta-feira.'],
    ['Lithuanian', 'Laba diena, Amelia Smith laimėjo matematikos konkursą. Ekskursija penktadienį.'],
    ['Somali', 'Amelia Smith waxay ku guuleysatay tartanka xisaabta. Safarka waa Jimcaha.'],
    ['Arabic', 'مرحباً، فازت Amelia Smith بمسابقة الرياضيات. الرحلة يوم الجمعة.'],
    ['Urdu', 'Amelia Smith نے ریاضی کا مقابلہ جیت لیا۔ سفر جمعہ کو ہے۔'],
    ['Punjabi', 'Amelia Smith ਨੇ ਗਣਿਤ ਮੁਕਾਬਲਾ ਜਿੱਤਿਆ। ਯਾਤਰਾ ਸ਼ੁੱਕਰਵਾਰ ਨੂੰ ਹੈ।'],
    ['Bengali', 'Amelia Smith গণিত প্রতিযোগিতায় জিতেছে। ভ্রমণ শুক্রবার।'],
    ['Arabic: a bus stop (the same noun as a suspension)', 'تنتظر Amelia Smith الحافلة عند محطة الإيقاف قرب البيت.'],
    ['Bengali: a book recommended to a friend (the loanword without a service)', 'Amelia Smith বন্ধুকে একটি বই রেফার করেছে।'],
  ])('does not count an everyday message in %s', (_name, text) => expect(sensitive(text)).toBe(false));

  it('does not read a Polish or Lithuanian stem inside an English word ("is diligent" is not Somali "isdil")', () =>
    expect(sensitive('Amelia Smith is diligent and never refuses a task.')).toBe(false));
});
