/**
 * The closed word lists of the given-name and neighbour rules (context.ts): titles, days and
 * months, sentence openers, name suffixes, and the punctuation that starts a sentence. Keys are
 * folded (and, where Cyrillic case endings vary, stemmed) as page tokens' keys are.
 */
import { stemKey } from './inflection';
import { foldKey } from './normalize';
import { WORD, type Tokens } from './tokens';

/**
 * Titles and offices that stand before a surname without making it someone else's name:
 * English, and the German and French ones news pages in those languages capitalise.
 */
export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady president vice minister secretary chancellor ' +
    'premier prime senator sen rep representative congressman congresswoman governor gov mayor general gen ' +
    'admiral colonel col major captain capt lieutenant lt sergeant sgt commander ambassador envoy king queen ' +
    'prince princess pope father rev reverend judge justice chief leader spokesman spokeswoman spokesperson ' +
    'chairman chairwoman chair director candidate nominee former ex acting deputy foreign defence defense ' +
    'herr frau präsident präsidenten präsidentin kanzler kanzlerin ministerin aussenminister premierminister ' +
    'regierungschef kremlchef staatschef monsieur madame m mme président ministre ' +
    'staatspräsident ministerpräsident bundeskanzler außenminister verteidigungsminister machthaber ' +
    'kremlherrscher diktator autokrat amtskollege amtskollegen kollege kollegen sprecher chef ' +
    'presidente señor señora don doña ' +
    'президент министр глава лидер господин госпожа президент міністр лідер пан пані'
  )
    .split(' ')
    .map((word) => stemKey(foldKey(word))),
);

/**
 * Capitalised words that stand before a name without being a given name: days and months in
 * the languages whose news capitalises them ("on Monday Putin said", "am Montag Putin").
 */
export const NOT_GIVEN = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december montag dienstag mittwoch donnerstag freitag samstag ' +
    'sonntag januar februar märz juni juli oktober dezember'
  )
    .split(' ')
    .map(foldKey),
);

/**
 * Words that open a sentence before a name ("But Putin said", "Doch Putin", "Mais Poutine",
 * "Но Путин"). Any other capitalised word there may be a given name ("Lyudmila Putin said"):
 * a name at the start of a sentence is as often a full name as one anywhere else.
 */
export const OPENERS = new Set(
  (
    'but and or so then now yet still also even when while if as after before since though although ' +
    'because once today yesterday tonight here there thus meanwhile instead however indeed later earlier ' +
    'perhaps maybe only just nor for with without by from in on at to of under over during until unless ' +
    'like both either neither every each all some many most no not never already again finally asked ' +
    'what why how where whether who which this that these those it he she they we i you his her their our ' +
    'the a an is are was were do does did has have had will would can could should may might must ' +
    'warum was wer wie wo wann wieso weshalb welche welcher ist war hat wird kann soll will muss ' +
    'ein eine einen einem einer den dem des ' +
    'pourquoi qui que quoi comment où est un une des ce cette por qué quién cómo dónde es una ' +
    'почему что кто как где это чому що хто як де це ' +
    'aber und oder doch auch dass denn als wie wenn weil ob nun dann noch schon jetzt heute gestern ' +
    'nachdem bevor seit während da zudem laut für gegen mit ohne von bei nach vor im am auf der die das ' +
    'mais et ou donc alors puis quand si comme car or lorsque pour selon avec sans hier ensuite depuis ' +
    'pendant le la les pero y o entonces cuando como porque ayer hoy según para con sin desde el los las ' +
    'но и а или когда если как потому вчера сегодня теперь тогда затем однако уже даже тоже также по для ' +
    'але й або коли якщо тому вчора сьогодні тепер тоді потім однак вже навіть також'
  )
    .split(' ')
    .map((word) => stemKey(foldKey(word))),
);

/** Words after a surname that do not make it another name: "Kalovar Jr". */
export const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Punctuation after which a capitalised word is capitalised because it starts a sentence or an item. */
const SENTENCE_STARTS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '«', '»', '(', '[', '{', '|', '•', '·', '♦', '–', '—', '…', '/']);

export function isCapitalised(form: string): boolean {
  const c = form[0]!;
  return c !== c.toLowerCase();
}

/** Token `k` starts the text, or follows punctuation that starts a sentence or an item. */
export function startsSentence(t: Tokens, k: number): boolean {
  if (k === 0) return true;
  if ((t.flags[k - 1]! & WORD) !== 0) return false;
  return SENTENCE_STARTS.has(t.key(k - 1));
}
