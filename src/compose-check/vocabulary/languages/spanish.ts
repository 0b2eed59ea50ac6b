// Spanish (es). Accents are folded by the matcher ("diagnóstico" reads
// "diagnostico"), so terms are written as the sources write them.
import type { VocabularyGroup } from '../types';

const SOURCES = 'Ley Orgánica 3/2020 (LOMLOE) art. 73-74 "necesidades educativas especiales" (BOE); Ley Orgánica 8/2021 de protección integral a la infancia y la adolescencia frente a la violencia (BOE); condition names as MedlinePlus en español (NIH) titles them (not checked term by term)';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `es-${id}`, category, language: 'es', source: SOURCES, section, terms });

export const SPANISH: readonly VocabularyGroup[] = [
  group('send', 'send', 'necesidades educativas especiales; discapacidad; trastornos del aprendizaje', [
    'necesidades educativas especiales', 'necesidades especiales', 'necesidad específica de apoyo educativo', 'discapacidad(es)',
    'autismo', 'trastorno del espectro autista', 'dislexia', 'discalculia', 'dispraxia', 'tdah', 'déficit de atención',
    'hiperactividad', 'dificultad(es) de aprendizaje', 'trastorno(s) del aprendizaje', 'logopeda', 'terapia del habla',
    'psicólogo(s)', 'psicóloga',
  ]),
  group('safeguarding', 'safeguarding', 'protección infantil; maltrato, abuso y negligencia', [
    'protección infantil', 'protección de menores', 'protección del menor', 'trabajador(a) social', 'trabajadora social',
    'servicios sociales', 'maltrato(s)', 'maltratado', 'maltratada', 'abuso(s)', 'abuso sexual',
    'negligencia', 'violencia doméstica', 'violencia de género', 'violencia familiar', 'violencia intrafamiliar',
    'autolesión', 'autolesiones', 'suicidio', 'intento de suicidio', 'explotación sexual', 'acoso sexual', 'mutilación genital',
    'matrimonio forzado', 'radicalización', 'trata de personas',
  ]),
  group('health', 'health', 'salud: enfermedades crónicas, salud mental, hospital y tratamiento', [
    'en el hospital', 'al hospital', 'del hospital', 'hospitalizado', 'hospitalizada', 'hospitalización', 'urgencias', 'diagnóstico', 'diagnosticado', 'diagnosticada', 'medicamento(s)', 'medicación',
    'receta médica', 'cirugía', 'intervención quirúrgica', 'operado', 'operada', '~asma', 'epilepsia', 'diabetes', 'alergia(s)',
    'alérgico', 'alérgica', 'anafilaxia', 'depresión', 'ansiedad', 'salud mental', 'trastorno alimentario',
    'trastornos de la conducta alimentaria', 'embarazada', 'embarazo', 'psiquiatra', 'ambulancia',
  ]),
  group('care', 'care', 'acogimiento familiar; familia de acogida; tutela', [
    'acogimiento familiar', 'acogimiento residencial', 'familia de acogida', 'bajo tutela', 'centro de menores',
  ]),
  group('fsm', 'welfare', 'comidas escolares gratuitas', ['comidas escolares gratuitas', 'comida escolar gratuita', 'comedor gratuito', 'beca de comedor']),
  group('exclusion', 'exclusion', 'expulsión y suspensión', ['expulsión', 'expulsado', 'expulsada', 'suspendido de la escuela', 'suspendida de la escuela', 'expulsión temporal']),
  group('criminal', 'criminal', 'policía y detención', ['arrestado', 'arrestada', 'detenido', 'detenida', 'antecedentes penales', 'tribunal de menores']),
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group. Not 'oración': it is also a sentence in grammar.
  group('religion', 'special-category', 'religión: comida halal o kosher, rezar, ayuno', ['halal', 'kosher', 'rezar', 'ayuno', 'ramadán']),
];
