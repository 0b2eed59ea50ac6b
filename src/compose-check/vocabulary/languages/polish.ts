// Polish (pl). Stems end in "*" because Polish inflects by case: "autyzm",
// "autyzmu", "autyzmem". Written with diacritics as the sources are; the
// matcher folds them as it folds the message ("ł" reads "l").
import type { VocabularyGroup } from '../types';

const SOURCES = 'Early Support "Background information: Education" (DfES, Polish version) and Eurydice, Poland 12.1 "Kształcenie integracyjne" (EACEA, Polish), checked in the search corpus for the SEND terms (specjalne potrzeby edukacyjne, niepełnosprawność, autyzm, zespół Aspergera, kształcenie specjalne, orzeczenie); the other terms are standard Polish, not checked against a named leaflet';

const group = (id: string, category: VocabularyGroup['category'], section: string, terms: readonly string[]): VocabularyGroup =>
  ({ id: `pl-${id}`, category, language: 'pl', source: SOURCES, section, terms });

export const POLISH: readonly VocabularyGroup[] = [
  group('send', 'send', 'specjalne potrzeby edukacyjne; niepełnosprawność; rodzaje potrzeb (SEND)', [
    'specjaln* potrzeb* edukacyjn*', 'szczególn* potrzeb* edukacyjn*', 'niepełnosprawn*', 'autyzm*', 'autystyczn*',
    'zespół aspergera', 'zespołem aspergera', 'dysleksj*', 'dyskalkuli*', 'dyspraksj*', 'trudności w uczeniu się',
    'trudnościami w uczeniu się', 'orzeczeni* o potrzebie kształcenia specjalnego', 'kształceni* specjaln*',
    'poradni* psychologiczno-pedagogiczn*', 'logoped*', 'psycholog(a|iem|owi)', 'zaburzeni* zachowania',
    'zaburzeni* ze spektrum autyzmu', 'nadpobudliwoś*',
  ]),
  group('safeguarding', 'safeguarding', 'ochrona dzieci; przemoc i zaniedbanie; pracownik socjalny', [
    'ochron* dzieci', 'ochron* dziecka', 'pracowni* socjaln*', 'opiek* społeczn*', 'pomoc* społeczn*', 'przemoc* domow*',
    'przemoc* w rodzinie', 'przemoc* seksualn*', 'wykorzystywani* seksualn*', 'wykorzystywani* dzieci', 'molestowani*',
    'znęcani*', 'zaniedbani*', 'samookaleczeni*', 'samookalecz*', 'myśli samobójcz*', 'samobójstw*', 'próba samobójcza',
    'radykalizacj*', 'małżeństw* przymusow*', 'okaleczani* narządów płciowych', 'handel ludźmi',
  ]),
  group('health', 'health', 'zdrowie: choroby przewlekłe, zdrowie psychiczne, szpital i leczenie', [
    'szpital*', 'diagnoz*', 'zdiagnozowan*', 'lekarstw*', 'leki', 'leków', 'lekami', 'astm*', 'padaczk*', 'epilepsj*',
    'cukrzyc*', 'alergi*', 'uczuleni*', 'anafilaksj*', 'depresj*', 'zdrowi* psychiczn*', 'zaburzeni* odżywiania',
    'zaburzeni* lękow*', 'zabieg* chirurgiczn*', 'operacj* chirurgiczn*', 'pogotowi* ratunkow*', 'karetk*', 'recept(a|ę|y)',
    'w ciąży', 'ciąża', 'ciążę', 'psychiatr*',
  ]),
  group('care-welfare', 'care', 'piecza zastępcza; rodzina zastępcza; dom dziecka', [
    'rodzin* zastępcz*', 'piecz* zastępcz*', 'rodzic* zastępcz*', 'dom dziecka', 'domu dziecka',
  ]),
  group('fsm', 'welfare', 'darmowe posiłki szkolne', ['darmow* posiłk*', 'bezpłatn* posiłk*', 'darmow* obiad*', 'bezpłatn* obiad*']),
  group('exclusion', 'exclusion', 'zawieszenie i wykluczenie ze szkoły', [
    'wykluczeni* ze szkoły', 'wykluczon* ze szkoły', 'wydaleni* ze szkoły', 'wydalon* ze szkoły', 'zawieszon* w prawach ucznia',
    'zawieszeni* w prawach ucznia', 'usunięci* ze szkoły', 'usunięt* ze szkoły',
  ]),
  group('criminal', 'criminal', 'policja, zatrzymanie, sąd rodzinny; narkotyki', [
    'aresztowan*', 'zatrzyman* przez policję', 'sąd* rodzinn*', 'sądzie rodzinnym', 'kurator* sądow*', 'nieletni* sprawc*',
    // As the English group's "police were called / informed" and "drug use": what the police did, and drugs as an offence.
    'policj* został* poinformowan*', 'poinformowan* policj*', 'poinformowaliśmy policj*', 'wezwan* policj*', 'policj* został* wezwan*',
    'wezwaliśmy policj*', 'posiadani* narkotyk*', 'zażywani* narkotyk*', 'handel narkotyk*', 'z marihuan*', 'z narkotyk*',
  ]),
  // "Zawieszony" is also a paused account or a hanging picture: a school's sanction only beside its signs, as English "suspended".
  { id: 'pl-suspension', category: 'exclusion', language: 'pl', source: SOURCES, section: 'zawieszenie w zajęciach szkolnych', terms: [],
    ambiguous: [{ term: 'zawieszon*', near: ['dni', 'dzień', 'szkoł*', 'zajęć', 'zajęcia', 'lekcj*', 'zachowani*', 'policj*', 'narkotyk*', 'marihuan*', 'bójk*', 'dyrektor*'] }] },
  // Religion (UK GDPR Art. 9) as a school arranges it, as the English 'gdpr-religious-practice' group.
  group('religion', 'special-category', 'wyznanie: posiłki halal lub koszerne, modlitwa, post', ['halal', 'koszern*', 'modlitw*', 'ramadan*']),
];
