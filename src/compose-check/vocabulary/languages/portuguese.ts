// Portuguese (pt), as written by families from Portugal and Brazil. Accents
// and cedillas are folded by the matcher ("proteção" reads "protecao").
import type { VocabularyGroup } from '../types';

const SOURCES = 'Decreto-Lei n.º 54/2018 (educação inclusiva, Diário da República); Lei de Proteção de Crianças e Jovens em Perigo, Lei n.º 147/99 (CPCJ); condition names as SNS 24 (Serviço Nacional de Saúde) titles them (not checked term by term)';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `pt-${id}`, category, language: 'pt', source: SOURCES, section, terms });

export const PORTUGUESE: readonly VocabularyGroup[] = [
  group('send', 'send', 'necessidades educativas especiais; deficiência; dificuldades de aprendizagem', [
    'necessidades educativas especiais', 'necessidades especiais', 'necessidades educativas específicas', 'deficiência(s)',
    'autismo', 'perturbação do espetro do autismo', 'transtorno do espectro autista', 'dislexia', 'discalculia', 'dispraxia',
    'phda', 'défice de atenção', 'déficit de atenção', 'hiperatividade', 'dificuldades de aprendizagem', 'terapia da fala',
    'terapeuta da fala', 'fonoaudiólog*', 'psicólogo(s)', 'psicóloga',
  ]),
  group('safeguarding', 'safeguarding', 'proteção de crianças e jovens em perigo; maus-tratos e negligência', [
    'proteção de crianças', 'proteção infantil', 'proteção de menores', 'crianças e jovens em perigo', 'cpcj', 'assistente social',
    'serviços sociais', 'maus-tratos', 'maltratad*', 'abuso sexual', 'negligência', 'violência doméstica',
    'violência familiar', 'automutilação', 'autolesão', 'autoagressão', 'suicídio', 'tentativa de suicídio', 'exploração sexual',
    'assédio sexual', 'mutilação genital', 'casamento forçado', 'radicalização', 'tráfico de pessoas',
  ]),
  group('health', 'health', 'saúde: doenças crónicas, saúde mental, hospital e tratamento', [
    'no hospital', 'ao hospital', 'do hospital', 'hospitalizad*', 'internad*', 'internamento', 'serviço de urgência',
    'pronto-socorro', 'diagnóstico', 'diagnosticad*', 'medicação', 'medicamento(s)', 'receita médica', 'cirurgia',
    'intervenção cirúrgica', 'operad(o|a) ao', '~asma', 'epilepsia', 'diabetes', 'alergia(s)', 'alérgic(o|a)', 'anafilaxia',
    'depressão', 'ansiedade', 'saúde mental', 'perturbação alimentar', 'grávida', 'gravidez', 'psiquiatra', 'ambulância',
  ]),
  group('care', 'care', 'acolhimento familiar e residencial', [
    'acolhimento familiar', 'acolhimento residencial', 'família de acolhimento', 'casa de acolhimento', 'lar de infância',
  ]),
  group('fsm', 'welfare', 'refeições escolares gratuitas', ['refeições escolares gratuitas', 'refeições gratuitas', 'almoço gratuito']),
  group('exclusion', 'exclusion', 'suspensão e expulsão da escola', ['suspensão', 'suspenso da escola', 'suspensa da escola', 'expulsão', 'expulso da escola', 'expulsa da escola']),
  group('criminal', 'criminal', 'polícia e detenção', ['detid(o|a) pela polícia', 'pres(o|a) pela polícia', 'registo criminal', 'cadastro criminal', 'tribunal de menores']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group. Not 'oração': it is also a clause in grammar.
  group('religion', 'special-category', 'religião: comida halal ou kosher, rezar, jejum', ['halal', 'kosher', 'rezar', 'jejum', 'ramadão', 'ramadã']),
];
