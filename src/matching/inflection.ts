/**
 * Case endings: how one alias matches the inflected forms of a name without listing them.
 * Rules and their evidence: docs/matching.md, "Names in other languages".
 *
 * - Cyrillic (Russian, Ukrainian). A word of Cyrillic letters only is keyed by its stem: the
 *   word less the longest of the endings below, if at least three letters remain ("Путина",
 *   "Путину", "Путиным" are all `путин`; "Зеленского" and "Зеленский" are `зеленск`). The
 *   stem finds the alias; then the page's ending must be one that the alias's own ending
 *   allows (`cyrillicEndingFits`): a masculine surname in a consonant takes the noun endings
 *   ("Путин": -а -у -ым -ом -е -і -ові), one in -ий the adjective ones ("Зеленский": -ого -ому
 *   -им -ом, never the feminine -ая -ой of "Зеленская", someone else), a noun in -а / -я / -ия
 *   / -ь its own ("Россия": России, Россию, Россией). Derived words keep a longer stem and
 *   miss: "путинский", "россиян", "украинец". Folding comes first (normalize.ts), so й, ё, ї
 *   are и, е, і here.
 * - German genitive. A Latin-script name may take an "s" ("Putins Krieg", "Russlands
 *   Präsident", "des Kremls") where German grammar puts it: before a capitalised word, or after
 *   "des". Never after "the" ("the Bidens" are a family), and never for an acronym.
 *   German compounds need no rule: "Putin-Regime", "Kreml-Sprecher" are the tokens `Putin` `-`
 *   `Regime`; a closed compound ("Kremlsprecher") is one word and does not match, like
 *   "Putinism" in English.
 */
import { foldKey } from './normalize';

const fold = (list: string): string[] => list.split(' ').map(foldKey);

/** Every ending the stemmer may strip (folded). Longest first, so that "-ого" wins over "-о". */
const ENDINGS = [
  ...new Set(
    fold(
      'ией ією ієм еем ого его ому ему ові еві ая яя ую ою ею ью ой ей ея ом ем ём ым им ім ий ый ій ия ии ию ія ії ію ' +
        'а я у ю ы и і ї е ь',
    ),
  ),
].sort((a, b) => b.length - a.length);

/** The stem must keep this many letters: "Рос" (Росія) is the shortest stem a name needs. */
const MIN_STEM = 3;

/** What the alias's own ending allows on the page, by that ending (folded; '' is a consonant). */
const FITS = new Map<string, Set<string>>();
for (const [own, allowed] of [
  ['', 'а у ом ым им е і ові'],
  ['а', 'а ы и і е у ой ою ей'],
  ['я', 'я и і е ю ей ею'],
  ['ь', 'ь я ю ем ём е і и ью'],
  ['ия', 'ия ии ию ией'],
  ['ія', 'ія ії ію ією'],
  ['ий', 'ий ого ому им ом'],
  ['ый', 'ый ого ому ым ом'],
  ['ій', 'ій ія ію ієм'],
  ['ей', 'ей ея ею еем е'],
  ['ая', 'ая ой ую ою'],
] as const) {
  FITS.set(foldKey(own), new Set(['', ...fold(allowed)]));
}

/** Whether a folded key is a word of Cyrillic letters only (U+0400 to U+04FF). */
function isCyrillic(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x400 || c > 0x4ff) return false;
  }
  return true;
}

/** The endings by their last letter, longest first: a word tries only those that can end it. */
const BY_LAST = new Map<string, string[]>();
for (const ending of ENDINGS) {
  const last = ending[ending.length - 1]!;
  const list = BY_LAST.get(last);
  if (list) list.push(ending);
  else BY_LAST.set(last, [ending]);
}

/** The length of the ending the stemmer strips from a Cyrillic key (0: none). */
function endingLength(key: string): number {
  const endings = BY_LAST.get(key[key.length - 1]!);
  if (!endings) return 0;
  for (const ending of endings) {
    if (key.length - ending.length >= MIN_STEM && key.endsWith(ending)) return ending.length;
  }
  return 0;
}

/** The matching key of a folded word: its stem if Cyrillic, otherwise the key itself. */
export function stemKey(key: string): string {
  if (!isCyrillic(key)) return key;
  const n = endingLength(key);
  return n === 0 ? key : key.slice(0, key.length - n);
}

/**
 * Whether the page's word may stand for the alias's word: both folded keys, with the same
 * stem (the trie made sure of that). Equal words always fit; different Cyrillic words fit
 * when the alias's ending allows the page's one; anything else does not.
 */
export function cyrillicEndingFits(aliasKey: string, pageKey: string): boolean {
  if (aliasKey === pageKey) return true;
  if (!isCyrillic(aliasKey) || !isCyrillic(pageKey)) return false;
  const own = aliasKey.slice(aliasKey.length - endingLength(aliasKey));
  const page = pageKey.slice(pageKey.length - endingLength(pageKey));
  return FITS.get(own)?.has(page) ?? false;
}
