// Abuse, neglect and the named safeguarding issues schools are told to know,
// and the statutory child-protection process that follows a concern.
import type { VocabularyGroup } from './types';
import { GROOMING_SUPPORT, SERVICE_SUPPORT } from './rules';

const KCSIE = 'Keeping children safe in education 2025 (DfE, statutory guidance for schools and colleges)';
const WORKING_TOGETHER = 'Working Together to Safeguard Children 2023 (HM Government, statutory guidance)';

export const SAFEGUARDING: readonly VocabularyGroup[] = [
  {
    id: 'kcsie-abuse-neglect',
    category: 'safeguarding',
    language: 'en',
    source: KCSIE,
    section: 'Part one: What school and college staff need to know; Abuse and neglect (physical, emotional, sexual abuse and neglect)',
    terms: [
      'safeguarding', 'safeguarding concern(s)', 'welfare concern(s)', 'abuse(d)', 'abusive', 'physical abuse', 'emotional abuse',
      'sexual abuse', 'neglect', 'neglectful',
      // Neglected as what was done to a person, not a garden or a corner of the site.
      '[is|was|are|were|being|been|looks|seemed|seems|appears|appeared|felt|feels] neglected', 'neglected [child|children|baby|pupil|boy|girl|at home|by]', 'disclosure', 'disclosed', 'made a disclosure', 'non-accidental injur*',
      'bruise(s)', 'bruising', 'unexplained injur*', 'mark(s) on [her|his|their] [body|arm|arms|leg|legs|face|back]',
      'at risk of harm', 'significant harm', 'sexualised behaviour', 'sexual assault', 'assault(ed)', 'being groomed',
      'online grooming', 'sexual grooming', 'radicalisation', 'radicalised', 'extremis*', 'hate crime', 'hate incident',
    ],
    acronyms: ['CPOMS', 'MyConcern'],
    ambiguous: [{ term: 'groom(ed|ing)', near: GROOMING_SUPPORT }],
  },
  {
    // KCSIE Part two "Online safety": the four areas of risk (content, contact, conduct, commerce) and what
    // a school records when one happens to a pupil. "Online safety" alone is a subject and a policy's name.
    id: 'kcsie-online-safety',
    category: 'safeguarding',
    language: 'en',
    source: KCSIE,
    section: 'Part two: Online safety (content, contact, conduct and commerce); Annex B: Cybercrime',
    terms: [
      'online safety incident(s)', 'online safety concern(s)', 'e-safety incident(s)', 'e-safety concern(s)', 'online incident(s)',
      'inappropriate contact', 'contacted by [an adult|a stranger|someone (he|she|they) (did not|didn\'t) know]', 'unknown adult',
      'asked for (a|an|some) [photo|photos|picture|pictures|image|images|nudes]', 'asked (him|her|them) to [meet|move to a private chat|keep it secret]',
      'report the account', 'reported to ceop', 'ceop report', 'harmful content', 'self-generated image(s)', 'online blackmail',
    ],
    acronyms: ['CEOP'],
  },
  {
    id: 'kcsie-child-on-child',
    category: 'safeguarding',
    language: 'en',
    source: KCSIE,
    section: 'Part one: Child-on-child abuse; Part five: Child-on-child sexual violence and sexual harassment',
    terms: [
      'child-on-child abuse', 'peer-on-peer abuse', 'sexual violence', 'sexual harassment', 'upskirting', 'nude image(s)',
      'nudes', 'semi-nude(s)', 'sharing nudes', 'sexting', 'youth produced sexual imagery', 'sextortion', 'sexual extortion',
      'initiation violence', 'hazing', 'bullied', 'cyberbullied', 'cyberbullying', 'bullying incident(s)', 'being bullied',
      'prejudice-based bullying', 'harmful sexual behaviour(s)', 'intimate image abuse', 'teenage relationship abuse',
      'relationship abuse', 'coercive control',
    ],
    acronyms: ['HSB'],
  },
  {
    id: 'kcsie-annex-b',
    category: 'safeguarding',
    language: 'en',
    source: KCSIE,
    section: 'Annex B: Further information (child abduction, CCE and CSE, county lines, children and the court system, children absent from education, children with family members in prison, cybercrime, domestic abuse and Operation Encompass, homelessness, mental health, modern slavery and the NRM, preventing radicalisation, the Prevent duty and Channel, sexual violence and harassment, serious violence, so-called honour-based abuse, FGM, forced marriage)',
    terms: [
      'child abduction', 'abducted', 'child criminal exploitation', 'child sexual exploitation', 'criminal exploitation',
      'sexual exploitation', 'exploited', 'exploitation', 'county lines', 'drug running', 'cuckooing', 'family court',
      'court hearing', 'court order(s)', 'court case', 'court proceedings', 'court report', 'child arrangements order',
      'giving evidence in court', 'children absent from education', 'child absent from education', 'missing from education',
      'child(ren) missing education', 'missing from home', 'missing from care', 'missing episode(s)', 'return home interview',
      'reported missing', 'missing person(s) report', 'safe and well check', 'in prison', 'imprisoned', 'prison visit(s)', 'custodial sentence', 'cybercrime', 'domestic abuse',
      'domestic violence', 'operation encompass', 'encompass notification', 'homeless', 'homelessness', 'temporary accommodation',
      'sofa surfing', 'modern slavery', 'trafficking', 'trafficked', 'national referral mechanism', 'prevent referral',
      'referral to prevent', 'referred to prevent', 'prevent officer', 'prevent team', 'channel panel', 'channel referral',
      'serious violence', 'knife crime', 'carrying a knife', 'bladed article', 'gang involvement', 'gang affiliation',
      'gang member(ship)', 'gang-related', 'gang activity', 'gang violence', 'honour-based abuse', 'honour-based violence',
      'so-called honour', 'female genital mutilation', 'fgm', 'forced marriage', 'substance misuse', 'drug use',
      'drug misuse', 'drug dealing', 'alcohol misuse', 'fabricated or induced illness', 'abuse linked to faith or belief',
      'spirit possession', 'private fostering', 'privately fostered', 'online abuse', 'financial abuse',
    ],
    acronyms: ['CSE', 'CCE', 'FGM', 'NRM', 'CME', 'HBA', 'HBV', 'FII'],
  },
  {
    id: 'working-together-process',
    category: 'safeguarding',
    language: 'en',
    source: WORKING_TOGETHER,
    section: 'Chapter 3: Providing help, support and protection (early help; child in need, s17 Children Act 1989; child protection, s47; strategy discussions; child protection conferences and plans; MASH and referrals to children\'s social care); Chapter 2 (the LADO)',
    terms: [
      'child protection', 'child protection plan(s)', 'child protection conference(s)', 'initial child protection conference',
      'review child protection conference', 'child protection review', 'child protection case', 'cp plan', 'cp conference',
      'cp review', 'cp register', 'core group meeting(s)', 'protection plan', 'section 47', 's47', 'section 17', 'section 20',
      'section 31', 'child in need', 'children in need', 'child in need plan', 'child in need meeting', 'cin plan', 'cin meeting',
      'strategy meeting', 'strategy discussion', 'early help', 'early help assessment', 'early help plan', 'team around the family',
      'team around the child', 'family help', 'social worker(s)', 'social care', 'children(s|\'s) social care',
      'social services', 'children(s|\'s) services', 'multi-agency safeguarding hub', 'referral(s)', 'local authority designated officer',
      'designated officer', 'emergency protection order', 'police protection', 'care proceedings', 'public law outline',
      'pre-proceedings', 'supervision order', 'interim care order', 'contextual safeguarding', 'extra-familial harm',
      'child and family assessment', 'single assessment', 'social work assessment', 'allocated social worker', 'case conference',
      'lado referral', 'mash referral', 'multi-agency risk assessment conference', 'marac',
    ],
    acronyms: ['CP', 'CIN', 'ICPC', 'RCPC', 'MASH', 'LADO', 'TAF', 'CAF', 'EHA', 'EPO', 'PLO'],
    ambiguous: [{ term: 'referred', near: SERVICE_SUPPORT }],
  },
];
