/**
 * The attribution chain as a reader says it: "according to the French presidency, reported by
 * BBC", "an unnamed intelligence official told CNN, reported by BBC".
 *
 * The dataset stores a chain from the speaker outwards (`[speaker, …intermediaries, publisher]`)
 * with free-text relations ("said", "told", "broadcast"). A reader does not want the chain, they
 * want the sentence: who they have it from, and who published it. So:
 * - the speaker is named only where the sentence needs them: "X told Y" (relation "told") and
 *   "X on Y" (a broadcast); otherwise the card's header already names the speaker, and the
 *   sentence starts with the nearest intermediary ("according to the Kremlin");
 * - a chain with no intermediary reads "according to <speaker>";
 * - the article's publisher closes the sentence ("reported by BBC").
 * Every fixed word comes from i18n; names come from the dataset, with a determiner per actor
 * kind where the language needs one ("the Kremlin", "an unnamed intelligence official").
 * Pure: plain values in, a string out.
 */
import { own } from '../dataset/own';
import type { DetailActor, DetailStatement } from '../dataset/compiled';
import { t, type MessageKey } from './i18n';

type Actors = Record<string, DetailActor>;

/** How a sentence refers to an actor in running text. */
export function referTo(actors: Actors, id: string): string {
  const actor = own(actors, id);
  if (!actor) return id;
  switch (actor.kind) {
    case 'anonymous': {
      // "Unnamed intelligence official" → "an unnamed intelligence official".
      const lower = actor.name.charAt(0).toLowerCase() + actor.name.slice(1);
      const key: MessageKey = /^[aeiou]/i.test(lower) ? 'ref_anonymous_vowel' : 'ref_anonymous';
      return t(key, lower);
    }
    case 'government':
      return t('ref_government', actor.name);
    default:
      return actor.name;
  }
}

function isTold(relation: string): boolean {
  return /^told\b/i.test(relation.trim());
}

function isBroadcast(relation: string): boolean {
  return /^(broadcast|aired|said on)\b/i.test(relation.trim());
}

/**
 * The reader's sentence for a statement's chain. `publisher` is the id of the article's
 * publisher (the last link when the chain ends with it).
 */
export function chainSentence(s: DetailStatement, actors: Actors, publisher?: string): string {
  const links = [...s.attribution];
  const speaker = links[0]?.actor === s.speaker ? links.shift()! : { actor: s.speaker, relation: s.verb };
  const last = links[links.length - 1];
  const reportedBy = last && (publisher === undefined || last.actor === publisher) && links.length > 0 ? links.pop()! : null;

  const parts: string[] = [];
  const first = links.shift();
  if (!first) {
    parts.push(t('chain_according_to', referTo(actors, speaker.actor)));
  } else if (isTold(speaker.relation)) {
    parts.push(t('chain_told', [referTo(actors, speaker.actor), referTo(actors, first.actor)]));
  } else if (isBroadcast(first.relation)) {
    parts.push(t('chain_on', [referTo(actors, speaker.actor), referTo(actors, first.actor)]));
  } else {
    parts.push(t('chain_according_to', referTo(actors, first.actor)));
  }
  let previous = first;
  for (const link of links) {
    if (previous && isTold(previous.relation)) parts.push(t('chain_then_told', referTo(actors, link.actor)));
    else if (isBroadcast(link.relation)) parts.push(t('chain_on_only', referTo(actors, link.actor)));
    else parts.push(t('chain_according_to', referTo(actors, link.actor)));
    previous = link;
  }
  if (reportedBy && reportedBy.actor !== speaker.actor) parts.push(t('chain_reported_by', referTo(actors, reportedBy.actor)));
  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
