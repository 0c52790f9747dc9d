/**
 * The matcher's side of the given-name rule (context.ts `otherGivenName`): a person's one-word
 * alias right after a capitalised word is another person of that name ("Lyudmila Putin"),
 * unless the word is one of the actor's own given names ("Vladimir", "Wladimir"), which are
 * read from its multi-word aliases the first time the rule needs them.
 */
import type { IndexAlias } from '../dataset/compiled';
import type { AliasEntry } from './alias-trie';
import type { ContextJudge } from './context';
import { LOWER, WORD, type Tokens } from './tokens';

/** An actor's own words, read from its aliases the first time the given-name rule needs them. */
interface OwnNames {
  /** Keys of every word but the last of its multi-word aliases: "vladimir", "wladimir". */
  given: Set<string>;
  /** Keys of the last words of its multi-word aliases: its surnames. */
  last: Set<string>;
}

export class GivenNameRule {
  private readonly ownNames = new Map<number, OwnNames>();

  /** `phraseTokens`: a token buffer the rule may overwrite at any call. */
  constructor(
    private readonly aliases: readonly IndexAlias[],
    private readonly phraseTokens: Tokens,
    private readonly judge: ContextJudge,
  ) {}

  /** The actor's own given names and surnames (see `OwnNames`): one pass over the aliases, once per actor. */
  private ownNamesOf(actor: number): OwnNames {
    let own = this.ownNames.get(actor);
    if (own) return own;
    own = { given: new Set(), last: new Set() };
    const phraseTokens = this.phraseTokens;
    for (const alias of this.aliases) {
      if (alias.actor !== actor) continue;
      phraseTokens.read(alias.text);
      let words = 0;
      for (let k = 0; k < phraseTokens.count; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) words++;
      if (words < 2) continue;
      let lastWord = -1;
      for (let k = 0; k < phraseTokens.count; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) lastWord = k;
      for (let k = 0; k < lastWord; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) own.given.add(phraseTokens.key(k));
      own.last.add(phraseTokens.key(lastWord));
    }
    this.ownNames.set(actor, own);
    return own;
  }

  /** The given-name rule (context.ts `otherGivenName`) for a one-word alias of a person matched at token `i`. */
  otherPerson(tokens: Tokens, entry: AliasEntry, i: number): boolean {
    // Cheap test first: most surnames follow a lower-case word or punctuation.
    const p = i - 1;
    if (p < 0 || (tokens.flags[p]! & (WORD | LOWER)) !== WORD) return false;
    const own = this.ownNamesOf(entry.actor);
    if (!own.last.has(tokens.key(i))) return false;
    return this.judge.otherGivenName(tokens, i, own.given, tokens.form(i).toLowerCase() !== entry.forms[0]!.toLowerCase());
  }
}
