/**
 * What the words right around a name say about it: the context half of the ambiguity rule
 * (ambiguity.ts has the page-wide half). Rules and the evidence for them: docs/matching.md.
 *
 * For one alias matched at tokens [first, last], in this order:
 * 0. A person's bare surname after a capitalised word that could be another given name
 *    ("Lyudmila Putin", "Yulia Reznikov"): denied, safe or not (`otherGivenName`).
 * 1. The dataset's `notBefore` / `notAfter` words: the alias names something else here
 *    ("Brigitte Macron", "Tour de France", "Contact US", "Washington Post"): denied, safe or not.
 * 2. A safe alias is kept.
 * 3. The dataset's cues (`before` / `after`): "US President", "Biden administration", "Moscow
 *    denies": confirmed. The match then counts as safe, here and as support for the whole page.
 * 4. A `cueOnly` alias without a cue is denied: a capital city is the city far more often than
 *    its government ("talks in Moscow", "a Moscow airport", "Washington, DC") even on a page
 *    about the country, so page support proves nothing for it.
 * 5. An unsafe name (not an acronym) standing next to another proper name is part of another
 *    name: "Marc Johnson", "Hunter Biden", "Ron Johnson", "Johnson & Johnson", "Catalan
 *    separatists": denied. A capitalised word that only starts the sentence ("But Johnson
 *    said"), a title ("Prime Minister Johnson", "Mr Johnson", "US-Präsident Biden"), and blocks
 *    where nearly every word is capitalised anyway (Title Case headlines, ALL-CAPS menus) do not
 *    count as another name: capitals carry no signal there.
 * 6. Otherwise the match is left to the page-wide rule (ambiguity.ts).
 *
 * Cost: nothing for the common case (a safe alias without context); a few token comparisons
 * per unsafe match; the Title Case test reads the block's tokens once per `find`, and only when
 * an unsafe name met a capitalised neighbour.
 */
import type { IndexAliasContext } from '../dataset/compiled';
import { stemKey } from './inflection';
import { foldKey } from './normalize';
import { GAP, Tokens, WORD } from './tokens';

/** Not this actor here: drop the match. */
export const DENIED = 0;
/** No local evidence either way: the alias's own `safe` flag and the page decide. */
export const OPEN = 1;
/** The context names this actor: keep it, as a safe match. */
export const CONFIRMED = 2;
export type Verdict = typeof DENIED | typeof OPEN | typeof CONFIRMED;

/** A context word or phrase as tokens: folded keys to compare, forms for the case rule. */
interface Phrase {
  keys: string[];
  forms: string[];
}

/** An alias's context, tokenised once, when the alias first enters the matcher's trie. */
export interface AliasRules {
  before: Phrase[];
  after: Phrase[];
  notBefore: Phrase[];
  notAfter: Phrase[];
  cueOnly: boolean;
}

export function compileRules(context: IndexAliasContext | undefined, tokens: Tokens): AliasRules | null {
  if (!context) return null;
  const phrases = (list: readonly string[] | undefined): Phrase[] =>
    (list ?? []).flatMap((text) => {
      tokens.read(text);
      if (tokens.count === 0) return [];
      const keys: string[] = [];
      const forms: string[] = [];
      for (let k = 0; k < tokens.count; k++) {
        keys.push(tokens.key(k));
        forms.push(tokens.form(k));
      }
      return [{ keys, forms }];
    });
  return {
    before: phrases(context.before),
    after: phrases(context.after),
    notBefore: phrases(context.notBefore),
    notAfter: phrases(context.notAfter),
    cueOnly: context.cueOnly === true,
  };
}

/**
 * Titles and offices that stand before a surname without making it someone else's name:
 * English, and the German and French ones news pages in those languages capitalise.
 */
const TITLES = new Set(
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
const NOT_GIVEN = new Set(
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
const OPENERS = new Set(
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
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Punctuation after which a capitalised word is capitalised because it starts a sentence or an item. */
const SENTENCE_STARTS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '«', '»', '(', '[', '{', '|', '•', '·', '♦', '–', '—', '…', '/']);

/** Per-`find` state: whether the current block reads as Title Case. */
export class ContextJudge {
  private titleCaseFor = -1;
  private titleCase = false;
  private stamp = 0;

  /** Call once per text read into the tokens (cheap): forgets the cached Title Case test. */
  reset(): void {
    this.stamp++;
  }

  judge(t: Tokens, first: number, last: number, safe: boolean, caseSensitive: boolean, rules: AliasRules | null): Verdict {
    if (rules) {
      if (rules.notBefore.some((p) => endsAt(t, first - 1, p)) || rules.notAfter.some((p) => startsAt(t, last + 1, p))) return DENIED;
    }
    if (safe) return OPEN;
    if (rules) {
      if (rules.before.some((p) => endsAt(t, first - 1, p)) || rules.after.some((p) => startsAt(t, last + 1, p))) return CONFIRMED;
      if (rules.cueOnly) return DENIED;
    }
    if (!caseSensitive && this.nextToName(t, first, last)) return DENIED;
    return OPEN;
  }

  /**
   * A person's bare surname right after a capitalised word that could be a given name, and is
   * not one of the actor's own ("Vladimir", "Wladimir", "Владимир"): another person of that
   * name ("Lyudmila Putin", "Yulia Reznikov", "Hunter Biden"). Not such a word: a title or
   * office ("President Putin", "Mr Biden", "Kremlchef Putin"), a common word that opens the
   * sentence ("But Putin", `OPENERS`) or governs a name in another case ("Офис Зеленского";
   * `inflected`: the name is not in the alias's own form), a day or month, an acronym or any word not in Titlecase ("CNN", "Kremlin-backed"),
   * and any word of a block where nearly every word is capitalised anyway (Title Case
   * headlines). Applies to safe aliases too: rule 0 of the module comment.
   */
  otherGivenName(t: Tokens, first: number, own: ReadonlySet<string>, inflected: boolean): boolean {
    const p = first - 1;
    if (p < 0 || (t.flags[first]! & GAP) === 0 || (t.flags[p]! & WORD) === 0) return false;
    const form = t.form(p);
    if (form.length < 2 || !isCapitalised(form) || form.slice(1) !== form.slice(1).toLowerCase()) return false;
    const key = t.key(p);
    if (own.has(key) || TITLES.has(key) || NOT_GIVEN.has(key)) return false;
    // "Офис Зеленского": a sentence may open with a noun that governs a name in the genitive.
    if (startsSentence(t, p) && (inflected || OPENERS.has(key))) return false;
    return !this.isTitleCase(t);
  }

  /** Rule 5 of the module comment. */
  private nextToName(t: Tokens, first: number, last: number): boolean {
    const n = t.count;
    let near = false;
    const p = first - 1;
    if (p >= 0 && (t.flags[first]! & GAP) !== 0) {
      if ((t.flags[p]! & WORD) !== 0) near = isCapitalised(t.form(p)) && !TITLES.has(t.key(p)) && !startsSentence(t, p);
      else near = t.key(p) === '&' && p > 0 && (t.flags[p - 1]! & WORD) !== 0;
    }
    const q = last + 1;
    if (!near && q < n && (t.flags[q]! & GAP) !== 0) {
      if ((t.flags[q]! & WORD) !== 0) near = isCapitalised(t.form(q)) && !SUFFIXES.has(t.key(q));
      else near = t.key(q) === '&' && q + 1 < n && (t.flags[q + 1]! & WORD) !== 0;
    }
    return near && !this.isTitleCase(t);
  }

  /**
   * Nearly every longer word capitalised (3 of 4 words of 4 letters or more, not counting
   * those that start a sentence): a Title Case headline or an ALL-CAPS menu.
   */
  private isTitleCase(t: Tokens): boolean {
    if (this.titleCaseFor === this.stamp) return this.titleCase;
    let words = 0;
    let capitalised = 0;
    for (let k = 0; k < t.count; k++) {
      if ((t.flags[k]! & WORD) === 0 || t.end[k]! - t.start[k]! < 4 || startsSentence(t, k)) continue;
      const form = t.form(k);
      if (form[0]!.toLowerCase() === form[0]!.toUpperCase()) continue; // a digit or a caseless script
      words++;
      if (isCapitalised(form)) capitalised++;
    }
    this.titleCaseFor = this.stamp;
    this.titleCase = words >= 3 && capitalised >= 0.75 * words;
    return this.titleCase;
  }
}

function isCapitalised(form: string): boolean {
  const c = form[0]!;
  return c !== c.toLowerCase();
}

function startsSentence(t: Tokens, k: number): boolean {
  if (k === 0) return true;
  if ((t.flags[k - 1]! & WORD) !== 0) return false;
  return SENTENCE_STARTS.has(t.key(k - 1));
}

/** The phrase's tokens end at token `end` (inclusive). */
function endsAt(t: Tokens, end: number, phrase: Phrase): boolean {
  const from = end - phrase.keys.length + 1;
  return from >= 0 && matchesAt(t, from, phrase);
}

function startsAt(t: Tokens, from: number, phrase: Phrase): boolean {
  return from + phrase.keys.length <= t.count && matchesAt(t, from, phrase);
}

function matchesAt(t: Tokens, from: number, phrase: Phrase): boolean {
  for (let n = 0; n < phrase.keys.length; n++) {
    if (t.key(from + n) !== phrase.keys[n]) return false;
    if (!caseFits(t.form(from + n), phrase.forms[n]!)) return false;
  }
  return true;
}

/**
 * The case rule for context words: lower case in the dataset matches any case; Capitalised
 * matches Title Case or ALL CAPS ("Contact US", "CONTACT US", not "contact us"); ALL CAPS
 * matches ALL CAPS only ("WITH US" in a shouting headline, not "Ties With US").
 */
function caseFits(written: string, form: string): boolean {
  if (form === form.toLowerCase()) return true;
  const upper = written === written.toUpperCase();
  if (form === form.toUpperCase() && form.length > 1) return upper;
  return upper || isCapitalised(written);
}
