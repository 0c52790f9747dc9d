/**
 * Are the names the dataset knows highlighted where they stand? MANIFEST.tsv counts some names
 * on each page (whole words in the page's text, found crudely: tags stripped, so text in
 * attributes and escaped markup is counted too, and text that the page's own scripts hide or
 * replace). The run also counts them in what the page really shows: `innerText` of the page
 * loaded without the extension. Together they give a floor, not a target:
 *
 * - checked: names the dataset has as a safe alias of one actor, so the extension must highlight
 *   every occurrence it reads ("Putin", "NATO"/"Nato", "Russia" — matched as the country, …);
 * - not checked: "Johnson" and "Biden" (unsafe aliases: highlighted only when the page also has
 *   "Boris Johnson" / "Joe Biden", which the manifest does not count), and the columns that are
 *   not dataset names (Kyiv, Donbas, Donetsk, Luhansk, percent, troops, Normandy).
 *
 * A highlight counts for a name when its text holds one of the name's words as a whole word
 * ("Vladimir Putin" counts for Putin). The floor is FLOOR_SHARE of the smaller of the two counts,
 * rounded down, for names counted at least MIN_COUNT times: the shown text still holds words
 * the extension rightly leaves alone (buttons, code, form controls, editable areas), and a page
 * where fewer than half the shown occurrences light up has lost names, which is what this check
 * is for.
 */

/** Manifest column → the words it counts (the shown-text count uses the same words). */
const CHECKED_NAMES: Record<string, string[]> = {
  Putin: ['Putin'],
  Macron: ['Macron'],
  Blinken: ['Blinken'],
  Lavrov: ['Lavrov'],
  Reznikov: ['Reznikov'],
  Kremlin: ['Kremlin'],
  NATO: ['NATO', 'Nato'],
  Ukraine: ['Ukraine'],
  Russia: ['Russia'],
  CNN: ['CNN'],
  CBS_News: ['CBS News'],
  Maxar: ['Maxar'],
  Belarus: ['Belarus'],
  France: ['France'],
  Germany: ['Germany'],
};

const FLOOR_SHARE = 0.5;
const MIN_COUNT = 2;

export interface NameCheck {
  name: string;
  /** The manifest's count (-1: no manifest column). */
  manifest: number;
  /** Occurrences in the page's shown text (innerText, without the extension). */
  shown: number;
  highlighted: number;
  floor: number;
  ok: boolean;
}

/** A whole-word pattern for any of `words` (global: for counting). */
function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'gu');
}

/** How often each checked name occurs in `text` (the page's shown text). */
export function countShown(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [column, words] of Object.entries(CHECKED_NAMES)) out[column] = text.match(wordsPattern(words))?.length ?? 0;
  return out;
}

/** One check per checked name counted at least MIN_COUNT times by both the manifest and the shown text. */
export function checkNames(columns: Record<string, string>, shown: Record<string, number>, highlighted: readonly string[]): NameCheck[] {
  const checks: NameCheck[] = [];
  for (const [column, words] of Object.entries(CHECKED_NAMES)) {
    // A corpus without a manifest (or without the column) is checked against its shown text alone.
    const manifest = columns[column] === undefined ? Infinity : Number(columns[column]) || 0;
    const inText = shown[column] ?? 0;
    const base = Math.min(manifest, inText);
    if (base < MIN_COUNT) continue;
    const pattern = wordsPattern(words);
    const count = highlighted.filter((t) => {
      pattern.lastIndex = 0;
      return pattern.test(t.replace(/\s+/g, ' '));
    }).length;
    const floor = Math.floor(base * FLOOR_SHARE);
    checks.push({ name: words.join('/'), manifest: Number.isFinite(manifest) ? manifest : -1, shown: inText, highlighted: count, floor, ok: count >= floor });
  }
  return checks;
}
