/**
 * The extension ships excerpts, never whole articles: the quotes and selectors a card shows,
 * not the texts they were checked against (which stay in assets/dataset/texts/). This finds
 * any of a text's other passages in a build's output, so that the build can refuse it
 * (build-guard.ts) and a test can prove it holds.
 *
 * Pure: texts and output strings in, passages out.
 */
import type { Dataset } from './check';

/** Shorter runs are common phrases ("the Kremlin said"), not evidence of a copied text. */
const MIN_RUN = 40;

/**
 * Needles that only a copy of an article's text would contain: from each sentence that no
 * shipped field (title, actor name or alias, evidence quote, statement text, dispute summary, figure wording) contains, its
 * runs of plain ASCII letters, digits and spaces of at least 40 characters. Plain runs, because
 * a bundler may escape quotes, dashes and accents (`\u2019`) but never plain words.
 */
export function privatePassages(dataset: Dataset, texts: ReadonlyMap<string, string>): string[] {
  const needles = new Set<string>();
  // Names ship too (the match index, the card): a sentence that is only a long name is no copy.
  const names = dataset.actors.flatMap((a) => [a.name, ...a.aliases.map((al) => al.text)]);
  for (const article of dataset.articles) {
    const text = texts.get(article.id);
    if (text === undefined) continue;
    const shipped = [
      // The headline opens most texts, and the card names the article by it.
      article.title,
      ...names,
      ...article.figures.flatMap((f) => [f.evidence.quote.exact, f.surface, f.measure]),
      ...article.statements.flatMap((s) => [s.evidence.quote.exact, s.text]),
      ...article.disputes.flatMap((d) => [d.evidence.quote.exact, d.summary]),
    ];
    for (const sentence of text.split(/(?<=[.!?…])\s+|\n+/)) {
      const s = sentence.trim();
      if (s.length < MIN_RUN || shipped.some((x) => x.includes(s))) continue;
      for (const run of s.match(/[A-Za-z0-9 ]+/g) ?? []) {
        const plain = run.trim();
        if (plain.length >= MIN_RUN && !shipped.some((x) => x.includes(plain))) needles.add(plain);
      }
    }
  }
  return [...needles];
}

/** The passages found in `output`. */
export function leakedPassages(output: string, passages: readonly string[]): string[] {
  return passages.filter((p) => output.includes(p));
}
