/**
 * The matcher's case rule, per word, on the text as written (diacritics folded, case kept):
 * - an alias with `caseSensitive` (acronyms) matches its exact case only ("US", never "us"
 *   or "Us"), except that an all-capitals alias of 4 or more characters also matches its
 *   Titlecase form, because British style writes pronounceable acronyms that way ("Nato",
 *   "Unesco", "Opec"); 3 letters or fewer are too often ordinary words ("Us", "Who", "Eu").
 *   Only the acronym words are held to their case: the other words of such an alias follow
 *   the rule below, so "BBC NEWS" and "US MEDIA" in a headline match "BBC News", "US media".
 * - any other alias matches each word as written, in Titlecase ("Von der Leyen" at a sentence
 *   start, "Of" in a title-cased headline) or in ALL CAPS ("VLADIMIR PUTIN" in a headline),
 *   but a word in lower case never matches a capitalised alias word: "putin" in a slug, a
 *   URL or a hashtag is not a reference to the person. Scripts without case always pass.
 */
import type { AliasEntry } from './alias-trie';
import { cyrillicEndingFits } from './inflection';
import { WORD, type Tokens } from './tokens';

/**
 * Whether the text from token `i` is written in a case the entry accepts (see the module
 * comment), with an ending the alias allows (inflection.ts). `genitive`: the last word is
 * read without its final "s".
 */
export function casePasses(tokens: Tokens, entry: AliasEntry, i: number, genitive: boolean): boolean {
  const forms = entry.forms;
  for (let n = 0; n < forms.length; n++) {
    const k = i + n;
    if ((tokens.flags[k]! & WORD) === 0) continue;
    let written = tokens.form(k);
    if (genitive && n === forms.length - 1) written = written.slice(0, -1);
    const alias = forms[n]!;
    if (written === alias) continue;
    const lower = written.toLowerCase();
    const aliasLower = alias.toLowerCase();
    if (lower !== aliasLower && !cyrillicEndingFits(aliasLower, lower)) return false;
    if (entry.caseSensitive && isAllCaps(alias)) {
      if (isLongAcronym(alias) && written === alias[0] + alias.slice(1).toLowerCase()) continue;
      return false;
    }
    if (written === written.toUpperCase() || isTitlecase(written)) continue;
    return false;
  }
  return true;
}

/** "NATO", "UNESCO": 4 or more characters, all capitals. */
function isLongAcronym(s: string): boolean {
  return s.length >= 4 && isAllCaps(s);
}

/** "US", "BBC": has letters, all capitals. */
function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** "Putin", "Von": a capital, then no capitals. */
function isTitlecase(s: string): boolean {
  const first = s[0]!;
  if (first === first.toLowerCase()) return false;
  const rest = s.slice(1);
  return rest === rest.toLowerCase();
}
