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
import { endsAt, startsAt, type AliasRules } from './context-rules';
import { NOT_GIVEN, OPENERS, SUFFIXES, TITLES, isCapitalised, startsSentence } from './context-words';
import { GAP, Tokens, WORD } from './tokens';

/** Not this actor here: drop the match. */
export const DENIED = 0;
/** No local evidence either way: the alias's own `safe` flag and the page decide. */
const OPEN = 1;
/** The context names this actor: keep it, as a safe match. */
export const CONFIRMED = 2;
export type Verdict = typeof DENIED | typeof OPEN | typeof CONFIRMED;

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
