/**
 * An alias's context words (`IndexAliasContext`: cues and `notBefore` / `notAfter` words),
 * tokenised once when the alias first enters the matcher's trie, and how a phrase is found
 * right before or after a match, case rule included. context.ts says what a cue decides.
 */
import type { IndexAliasContext } from '../dataset/compiled';
import { isCapitalised } from './context-words';
import { Tokens } from './tokens';

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

/** The phrase's tokens end at token `end` (inclusive). */
export function endsAt(t: Tokens, end: number, phrase: Phrase): boolean {
  const from = end - phrase.keys.length + 1;
  return from >= 0 && matchesAt(t, from, phrase);
}

export function startsAt(t: Tokens, from: number, phrase: Phrase): boolean {
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
