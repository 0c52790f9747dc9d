/**
 * What `npm run dataset:draft` finds in an article's text, with the project's own matcher:
 * the dataset's actors (src/matching/matcher.ts, ambiguity rules included), candidates for new
 * actors (capitalised name sequences the dataset does not know), and figures (numbers with a
 * unit, confirmed and spanned by the figure finder, src/matching/figures.ts).
 */
import type { Dataset } from '../src/dataset/check';
import { compileIndex } from '../src/dataset/compile';
import type { IndexFigure, MatchIndex } from '../src/dataset/compiled';
import type { Qualifier } from '../src/dataset/schema';
import { resolveAmbiguous } from '../src/matching/ambiguity';
import { createMatcher } from '../src/matching/matcher';
import { foldKey } from '../src/matching/normalize';
import type { NameSpan } from './dataset-draft-statements';

/** Each line of `text` with its offset: the blocks the matcher reads, as a page's paragraphs. */
function lines(text: string): { at: number; line: string }[] {
  const out: { at: number; line: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push({ at, line });
    at += line.length + 1;
  }
  return out;
}

/** The dataset's actors named in `text`, as the extension would highlight them. */
export function knownActors(text: string, dataset: Dataset): NameSpan[] {
  const index = compileIndex(dataset, 'draft');
  const matcher = createMatcher(index);
  const blocks = lines(text);
  const kept = resolveAmbiguous(blocks.map((b) => matcher.find(b.line)), index);
  return kept.flatMap((matches, i) =>
    matches
      .filter((m) => m.type === 'actor')
      .map((m) => {
        const start = blocks[i]!.at + m.start;
        const end = blocks[i]!.at + m.end;
        return { start, end, name: text.slice(start, end), actor: index.actors[m.ref]!.id };
      }),
  );
}

/** Words that open a sentence or a name without being part of one. */
const LEADING = new Set(
  ('The A An In On At But And Or For With From To By As If When While After Before This That These Those It He She They We I You ' +
    'Mr Mrs Ms Dr According Le La Les Un Une Des Du De Et Mais Dans Pour Sur Avec Selon Il Elle Ils Elles On Nous Vous Je ' +
    'Der Die Das Ein Eine Und Aber Im Am Mit Für Auf Laut Er Sie Es Wir Ich Ihr El Los Las Y Según Secondo Według').split(' '),
);
/** Capitalised words that are not names: days, months, the pronoun "I". */
const NOT_NAMES = new Set(
  'I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(' '),
);
const NAME_RE = /\p{Lu}[\p{L}\p{M}’'-]*(?:[ \u00a0](?:(?:de|du|von|van|der|al|bin|ibn|da|di|la|le)[ \u00a0])?\p{Lu}[\p{L}\p{M}’'-]*)*/gu;

export interface CandidateActor {
  name: string;
  /** How often the text names it. */
  occurrences: number;
  spans: NameSpan[];
}

/**
 * Capitalised name sequences that no known actor covers: two words or more ("Olaf Scholz"),
 * or one word named at least twice other than at a sentence's start. Leading function words
 * ("But", "The") are cut off. The curator decides which are actors.
 */
export function candidateActors(text: string, known: readonly NameSpan[]): CandidateActor[] {
  const byName = new Map<string, CandidateActor & { midSentence: number }>();
  for (const m of text.matchAll(NAME_RE)) {
    let words = m[0].split(/[ \u00a0]/);
    let start = m.index;
    while (words.length > 0 && LEADING.has(words[0]!.replace(/[’'].*$/, ''))) {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    if (words.length === 0) continue;
    const name = words.join(' ').replace(/[’']s$/, '');
    const end = start + name.length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    const sentenceStart = /(?:^|[.!?:]["”»]?\s+|\n)$/.test(text.slice(Math.max(0, start - 3), start)) || start === 0;
    if (NOT_NAMES.has(name) || !/\p{L}{2}/u.test(name)) continue;
    const entry = byName.get(name) ?? { name, occurrences: 0, midSentence: 0, spans: [] as NameSpan[] };
    entry.occurrences++;
    if (!sentenceStart) entry.midSentence++;
    entry.spans.push({ start, end, name });
    byName.set(name, entry);
  }
  // One word counts only when named twice, once at least inside a sentence (not "Speaking").
  return [...byName.values()]
    .filter((c) => c.name.includes(' ') || (c.occurrences >= 2 && c.midSentence > 0))
    .map(({ name, occurrences, spans }) => ({ name, occurrences, spans }))
    .sort((a, b) => b.occurrences - a.occurrences || a.name.localeCompare(b.name));
}

export interface DraftedFigure {
  start: number;
  end: number;
  surface: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
}

const NUMBER_RE =
  /(?<![\p{L}\p{N}/:.,-])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?:[ \u00a0]?(thousand|million|billion|bn|m|k|Millionen|Millionen|Milliarden|millions|milliards|Tausend))?(?![\p{L}\p{N}])([ \u00a0]?(?:%|per cent|percent|pour cent|Prozent))?/giu;
/** Words after a number that are no unit: "49m ago", "5 of them", "2 and 3". */
const NOT_UNITS = new Set([
  ...'ago of and or to in on at the a an per et und de des der die'.split(' '),
  // Dates and times: "22 novembre", "6 heures", "12 Uhr".
  ...'january february march april may june july august september october november december'.split(' '),
  ...'janvier février mars avril mai juin juillet août septembre octobre novembre décembre heures heure h'.split(' '),
  ...'januar februar märz april mai juni juli august september oktober november dezember uhr'.split(' '),
  ...'hours hour minutes minute seconds am pm'.split(' '),
]);
const SCALES: Record<string, number> = { thousand: 1e3, tausend: 1e3, k: 1e3, million: 1e6, millions: 1e6, millionen: 1e6, m: 1e6, billion: 1e9, bn: 1e9, milliards: 1e9, milliarden: 1e9 };

/** "190,000" → 190000; "1.5" with "million" → 1500000; European "190.000" → 190000. */
function readValue(digits: string, scale: string | undefined): number {
  const grouped = /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/.test(digits);
  const n = grouped ? Number(digits.replace(/[^\d]/g, '')) : Number(digits.replace(',', '.'));
  return n * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
}

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:up to|as many as|jusqu'à|bis zu)\b/i, 'up-to'],
  [/^(?:close to|nearly|almost|près de|fast)\b/i, 'close-to'],
  [/^(?:at least|no fewer than|au moins|mindestens)\b/i, 'at-least'],
  [/^(?:more than|over|upwards of|plus de|mehr als|über)\b/i, 'more-than'],
  [/^(?:fewer than|less than|under|moins de|weniger als)\b/i, 'fewer-than'],
  [/^(?:about|around|some|approximately|roughly|an estimated|estimated|environ|etwa|rund)\b/i, 'about'],
];

/**
 * Numbers with a unit. Each candidate number (years excepted) is turned into a one-figure index
 * whose unit is the first lower-case word after it, and kept only where the figure finder
 * matches it there; the finder's span brings the qualifier ("up to 190,000 troops").
 */
export function draftFigures(text: string): DraftedFigure[] {
  const out: DraftedFigure[] = [];
  for (const { at, line } of lines(text)) {
    for (const m of line.matchAll(NUMBER_RE)) {
      const value = readValue(m[1]!, m[2]);
      const percent = m[3] !== undefined;
      if (!Number.isFinite(value) || (!percent && !m[2] && /^(?:19|20)\d\d$/.test(m[1]!))) continue;
      const rest = line.slice(m.index + m[0].length, m.index + m[0].length + 60);
      // The first lower-case word after any capitalised ones ("30,000 Russian troops"); else a
      // capitalised noun right after the number (German: "130.000 Soldaten").
      const unit = percent
        ? 'per cent'
        : (/^(?:[ \u00a0]+\p{Lu}[\p{L}-]*)*[ \u00a0]+(\p{Ll}[\p{L}-]+)/u.exec(rest)?.[1] ?? /^[ \u00a0]+(\p{Lu}\p{Ll}[\p{L}-]+)/u.exec(rest)?.[1]);
      if (!unit || NOT_UNITS.has(unit.toLowerCase())) continue;
      const between = percent || unit === /^[ \u00a0]+(\p{Lu}\p{Ll}[\p{L}-]+)/u.exec(rest)?.[1] ? [] : (/^((?:[ \u00a0]+\p{Lu}[\p{L}-]*)*)/u.exec(rest)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
      const figure: IndexFigure = { id: 'draft', value, unitTerms: percent ? [] : [unit], percent, names: between.map(foldKey), measureKey: 'draft' };
      const index: MatchIndex = { version: 'draft', actors: [], aliases: [], figures: [figure] };
      const hit = createMatcher(index).find(line).find((h) => h.type === 'figure' && h.start <= m.index && h.end >= m.index + m[1]!.length);
      if (!hit) continue;
      const surface = line.slice(hit.start, hit.end);
      const qualifier = QUALIFIERS.find(([re]) => re.test(surface))?.[1] ?? 'exactly';
      out.push({ start: at + hit.start, end: at + hit.end, surface, value, unit, qualifier });
    }
  }
  return out;
}
