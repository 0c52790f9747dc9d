/**
 * Candidate statements for `npm run dataset:draft`: the sentences of an article that quote
 * someone or report what they said ("said", "told", "according to"; French "a déclaré",
 * "selon"; German "sagte", "laut"), with the speaker and the verb where the sentence shows them.
 *
 * Spanish, Italian, Polish, Russian and Ukrainian have their most common verbs too.
 *
 * A draft is a curator's starting point, not data: a sentence is proposed when it carries a
 * reporting verb or a quotation, and its speaker is the name nearest the verb, which a curator
 * checks. Where no name is near, the speaker is left out rather than guessed.
 */

/** A name in the text: a known actor (by id) or a candidate for a new one. */
export interface NameSpan {
  start: number;
  end: number;
  name: string;
  actor?: string;
}

export interface DraftedStatement {
  start: number;
  end: number;
  /** The sentence, exactly as in the text: the evidence. */
  exact: string;
  kind: 'direct-quote' | 'partial-quote' | 'paraphrase';
  text: string;
  verb: string;
  speaker?: NameSpan;
  /** Known actors named in the sentence, other than the speaker. */
  about: string[];
}

/** Verbs that report speech, longest first within each language so that "a déclaré" wins over "déclaré". */
const VERBS = [
  // English
  'according to', 'told reporters', 'said in a statement', 'said', 'says', 'told', 'added', 'warned', 'stated', 'announced',
  'claimed', 'claims', 'denied', 'denies', 'insisted', 'argued', 'accused', 'estimates', 'estimated', 'believes',
  'confirmed', 'rejected', 'rejects', 'reported', 'wrote', 'tweeted', 'suggested', 'urged', 'stressed',
  // French
  "a-t-il déclaré", "a-t-elle déclaré", "a-t-il dit", "a-t-elle dit", "a-t-il ajouté", "a-t-elle ajouté", 'a déclaré',
  'a affirmé', 'a annoncé', 'a indiqué', 'a assuré', 'a ajouté', 'a estimé', 'a souligné', 'a expliqué', 'a démenti',
  'a averti', 'a dit', 'a dénoncé', 'a rejeté', 'déclare', 'affirme', 'estime', 'selon', "d'après", 'd’après',
  // German
  'sagte', 'sagt', 'erklärte', 'erklärt', 'betonte', 'warnte', 'teilte mit', 'kündigte an', 'bestätigte', 'wies zurück',
  'forderte', 'hieß es', 'laut', 'zufolge', 'nach Angaben',
  // Spanish, Italian, Polish
  'dijo', 'afirmó', 'declaró', 'aseguró', 'señaló', 'añadió', 'según', 'ha detto', 'ha dichiarato', 'ha affermato',
  'ha spiegato', 'ha aggiunto', 'secondo', 'powiedział', 'powiedziała', 'stwierdził', 'stwierdziła', 'oświadczył', 'dodał', 'według',
  // Russian, Ukrainian
  'заявил', 'заявила', 'сказал', 'сказала', 'сообщил', 'сообщила', 'отметил', 'подчеркнул', 'по словам', 'по данным',
  'заявив', 'сказав', 'повідомив', 'повідомила', 'зазначив', 'наголосив', 'за словами', 'за даними',
];
/** Cues after which the source follows: "according to X", "selon X", "laut X". */
const SOURCE_AFTER = new Set(['according to', 'selon', "d'après", 'd’après', 'laut', 'nach angaben', 'según', 'secondo', 'według', 'по словам', 'по данным', 'за словами', 'за даними']);

const VERB_RE = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${VERBS.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const QUOTE_RE = /“[^”]{2,}”|„[^“”]{2,}[“”]|«[^»]{2,}»|"[^"]{2,}"/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Sentence spans: a sentence ends at ".", "!" or "?" (with any closing quote) before a space and
 * a capital, an opening quote or a digit, or at a line's end; never inside a quotation.
 */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let depth = 0;
  const open = new Set(['“', '„', '«']);
  const close = new Set(['”', '»']);
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead;
    const e = start + raw.trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      depth = 0;
      continue;
    }
    if (open.has(c)) depth++;
    else if (close.has(c) || (c === '“' && depth > 0)) {
      depth = Math.max(0, depth - 1);
      // A quotation that ends its sentence: “It failed. We go on.” Then …
      if (depth === 0 && /[.!?]/.test(text[i - 1] ?? '') && /^\s+["“„«(\p{Lu}\p{N}]/u.test(text.slice(i + 1, i + 4))) {
        push(i + 1);
        start = i + 1;
      }
      continue;
    }
    if ((c === '.' || c === '!' || c === '?') && depth === 0) {
      let end = i + 1;
      while (end < text.length && /["”’»)]/.test(text[end]!)) end++;
      const next = text.slice(end, end + 3);
      if (end >= text.length || /^\s+["“„«(\p{Lu}\p{N}]/u.test(next)) {
        push(end);
        start = end;
        i = end - 1;
      }
    }
  }
  push(text.length);
  return out;
}

/** The candidate statements of `text`, given the names found in it. */
export function draftStatements(text: string, names: readonly NameSpan[]): DraftedStatement[] {
  const out: DraftedStatement[] = [];
  for (const { start, end } of sentences(text)) {
    const sentence = text.slice(start, end);
    const quotes = [...sentence.matchAll(QUOTE_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    // A reporting verb outside the quotation marks.
    const verbs = [...sentence.matchAll(VERB_RE)].filter((m) => !quotes.some((q) => m.index >= q.start && m.index < q.end));
    const inSentence = names.filter((n) => n.start >= start && n.end <= end).map((n) => ({ ...n, start: n.start - start, end: n.end - start }));
    if (verbs.length === 0 && !(quotes.length > 0 && inSentence.length > 0)) continue;
    const verb = verbs[0];
    const speaker = verb ? speakerFor(sentence, verb.index, verb[0], inSentence) : undefined;
    const kind = quoteKind(sentence, quotes);
    out.push({
      start,
      end,
      exact: sentence,
      kind,
      text: kind === 'direct-quote' ? directText(sentence, quotes[0]!) : sentence,
      verb: verb ? verb[0] : 'quoted',
      ...(speaker ? { speaker: { ...speaker, start: speaker.start + start, end: speaker.end + start } } : {}),
      about: [...new Set(inSentence.filter((n) => n.actor && n.actor !== speaker?.actor).map((n) => n.actor!))],
    });
  }
  return out;
}

/**
 * The speaker: for "according to X" the first name after the cue; for "said X" a name right
 * after the verb; otherwise the nearest name before the verb, not inside a quotation.
 */
function speakerFor(sentence: string, at: number, verb: string, names: NameSpan[]): NameSpan | undefined {
  const after = names.filter((n) => n.start >= at + verb.length);
  if (SOURCE_AFTER.has(verb.toLowerCase())) return after[0];
  const right = after[0];
  // Inversion ("…,” said Putin." / "…, a déclaré Macron, …"): the name follows the verb and ends its clause.
  if (
    right &&
    /^[\s,]*(?:the\s+|le\s+|la\s+|der\s+|die\s+)?$/iu.test(sentence.slice(at + verb.length, right.start)) &&
    /^\s*(?:[.,;:!?]|$)/.test(sentence.slice(right.end))
  ) {
    return right;
  }
  const before = names.filter((n) => n.end <= at);
  return before.at(-1);
}

/**
 * `direct-quote` when, apart from the attribution ("X said", ", he added"), the sentence is one
 * quotation; `partial-quote` when it contains one; `paraphrase` otherwise.
 */
function quoteKind(sentence: string, quotes: { start: number; end: number }[]): DraftedStatement['kind'] {
  if (quotes.length === 0) return 'paraphrase';
  if (quotes.length === 1) {
    const q = quotes[0]!;
    const outside = (sentence.slice(0, q.start) + ' ' + sentence.slice(q.end)).replace(/[\s.,:;]+/g, ' ').trim();
    if (outside.split(' ').length <= 5) return 'direct-quote';
  }
  return 'partial-quote';
}

/** The quotation without its marks; a closing comma becomes a full stop (docs/dataset.md). */
function directText(sentence: string, q: { start: number; end: number }): string {
  const inner = sentence.slice(q.start + 1, q.end - 1).trim();
  return inner.replace(/,$/, '.');
}
