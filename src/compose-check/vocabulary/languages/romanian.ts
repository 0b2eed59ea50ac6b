// Romanian (ro). Written with the comma-below letters (ș, ț); the matcher folds
// them, their cedilla look-alikes (ş, ţ) and ă, â, î as it folds the message.
import type { VocabularyGroup } from '../types';

const SOURCES = 'Ordinul nr. 1985/2016 (evaluarea copiilor cu dizabilități și/sau cerințe educaționale speciale, Monitorul Oficial nr. 1019/2016) and DGASPC service pages (Direcția Generală de Asistență Socială și Protecția Copilului), checked in the search corpus for cerințe educaționale speciale, dizabilități, grad de handicap, protecția copilului, asistent social, abuz, neglijare, exploatare, plasament familial; the health terms are standard Romanian, not checked against a named leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `ro-${id}`, category, language: 'ro', source: SOURCES, section, terms });

export const ROMANIAN: readonly VocabularyGroup[] = [
  group('send', 'send', 'cerințe educaționale speciale; copii cu dizabilități; grad de handicap', [
    'cerințe educaționale speciale', 'cerinte educationale speciale', 'nevoi speciale', 'nevoi educaționale speciale',
    'dizabilitat*', 'grad de handicap', 'autism*', 'tulburare de spectru autist', 'dislexi*', 'discalculi*', 'dispraxi*',
    'deficit de atenție', 'hiperactivitat*', 'dificultăți de învățare', 'tulburări de învățare', 'logoped*', 'psiholog(ul|ului)',
  ]),
  group('safeguarding', 'safeguarding', 'protecția copilului; abuz, neglijare și exploatare', [
    'protecția copilului', 'protecţia copilului', 'asistent* social*', 'asistența socială', 'servicii* sociale',
    'abuz(ul|uri|urile|ului|at|ată|ați)', 'abuz sexual', 'neglijar*', 'neglijat*', 'exploatar*', 'violență domestică',
    'violența domestică', 'violență în familie', 'autovătămar*', 'sinucider*', 'suicid*', 'căsătorie forțată', 'radicalizar*',
    'trafic de persoane', 'dgaspc',
  ]),
  group('health', 'health', 'sănătate: boli cronice, sănătate mintală, spital și tratament', [
    'spital(ul|ului|e|ele)', 'spitalizat*', 'spitalizare', 'internat în spital', 'diagnosticat*', 'diagnosticul', 'medicament*', 'tratament medical',
    'astm*', 'epilepsi*', 'diabet*', 'alergi*', 'anafilaxi*', 'depresi*', 'anxietat*', 'sănătate mintală', 'sănătatea mintală',
    'intervenți* chirurgical*', 'operați* chirurgical*', 'primiri urgențe', 'ambulanț(a|ă)', 'rețet* medical*', 'gravid*', 'psihiatr*',
  ]),
  group('care', 'care', 'plasament familial; asistent maternal; centru de plasament', [
    'plasament*', 'asistent* maternal*', 'familie de plasament', 'centru de plasament', 'sub tutelă',
  ]),
  group('fsm', 'welfare', 'mese gratuite la școală', ['mese gratuite', 'masă gratuită', 'prânz gratuit']),
  group('exclusion', 'exclusion', 'exmatriculare și suspendare', [
    'exmatricular*', 'exmatriculat*', 'exclus* de la școală', 'exclus* din școală', 'suspendat* de la școală', 'suspendat* din școală',
  ]),
  group('criminal', 'criminal', 'poliție, arestare, instanță', ['arestat*', 'reținut de poliție', 'reținută de poliție', 'cazier*']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group.
  group('religion', 'special-category', 'religie: mâncare halal sau cușer, rugăciune, post', ['halal', 'cușer', 'rugăciun*', 'ramadan*']),
];
