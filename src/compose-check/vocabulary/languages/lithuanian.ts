// Lithuanian (lt). Stems end in "*" for Lithuanian's cases ("autizmas",
// "autizmo", "autizmą"). The matcher folds ą č ę ė į š ų ū ž to their base letters.
import type { VocabularyGroup } from '../types';

const SOURCES = 'Eurydice, Lithuania 12.1 "Specialiųjų ugdymosi poreikių tenkinimas" (EACEA, Lithuanian); Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba (vaikoteises.lt), "Kaip veikia vaiko teisių apsauga", checked in the search corpus for the SEND and child-protection terms; the health terms are standard Lithuanian, not checked against a named leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `lt-${id}`, category, language: 'lt', source: SOURCES, section, terms });

export const LITHUANIAN: readonly VocabularyGroup[] = [
  group('send', 'send', 'specialieji ugdymosi poreikiai; negalia; sutrikimai', [
    'specialiųjų ugdymosi poreikių', 'specialieji ugdymosi poreikiai', 'specialiuosius ugdymosi poreikius', 'specialiųjų poreikių',
    'negalia', 'negalią', 'negalios', 'neįgal*', 'autizm*', 'disleksij*', 'diskalkulij*', 'dispraksij*',
    'dėmesio sutrikim*', 'hiperaktyvum*', 'mokymosi sutrikim*', 'mokymosi sunkum*', 'intelekto sutrikim*', 'kalbos sutrikim*',
    'elgesio ir emocijų sutrikim*', 'pedagogin* psichologin* tarnyb*', 'logoped*', 'psichologas', 'psichologo', 'psichologu', 'specialusis pedagogas',
  ]),
  group('safeguarding', 'safeguarding', 'vaiko teisių apsauga; smurtas, prievarta ir nepriežiūra', [
    'vaiko teisių apsaug*', 'vaikų apsaug*', 'apsaugos vaikui poreik*', 'socialin* darbuotoj*', 'socialin* paslaug*',
    'atvejo vadybinink*', 'smurt*', 'prievart*', 'seksualin* prievart*', 'seksualin* išnaudojim*', 'nepriežiūr*',
    'savižal*', 'savęs žalojim*', 'savižudyb*', 'bandymas nusižudyti', 'prekyba žmonėmis', 'priverstin* santuok*',
  ]),
  group('health', 'health', 'sveikata: lėtinės ligos, psichikos sveikata, ligoninė ir gydymas', [
    'ligonin*', 'diagnoz*', 'diagnozuot*', 'vaist(ai|us|ų|ais)', 'astm*', 'epilepsij*', 'diabet*', 'cukrinis diabetas',
    'alergij*', 'anafilaksij*', 'depresij*', 'psichikos sveikat*', 'psichikos sutrikim*', 'valgymo sutrikim*', 'operacij*',
    'chirurgin*', 'greitoji pagalba', 'greitąją pagalbą', 'greitosios pagalbos', 'nėščia', 'nėštum*', 'psichiatr*',
  ]),
  group('care', 'care', 'globa ir rūpyba; globėjai; globos namai', [
    'globėj*', 'globotin*', 'vaiko globa', 'laikinoji priežiūra', 'globos namai', 'globos namuose', 'rūpyba', 'rūpintoj*',
  ]),
  group('fsm', 'welfare', 'nemokamas maitinimas', ['nemokam* maitinim*']),
  group('exclusion', 'exclusion', 'pašalinimas iš mokyklos', ['pašalint* iš mokyklos', 'pašalinimas iš mokyklos', 'laikinai pašalint*']),
  group('criminal', 'criminal', 'policija ir sulaikymas', ['areštuot*', 'sulaikyt* policijos', 'policijos sulaikyt*', 'teistumas']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group.
  group('religion', 'special-category', 'religija: halal ar košerinis maistas, malda, pasninkas', ['halal', 'košer*', 'mald(a|ą|os|ai)', 'pasnink*', 'ramadan*']),
];
