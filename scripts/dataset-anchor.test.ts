/** Anchoring evidence quotes in their text (scripts/dataset-anchor.ts). */
import { describe, expect, it } from 'vitest';
import { anchorArticle, anchorQuote } from './dataset-anchor';

describe('anchoring', () => {
  const text = 'Putin said no. Then Putin said yes. Then Putin said no.';

  it('finds a unique quote and fills prefix, suffix and position', () => {
    const r = anchorQuote(text, { exact: 'said yes' });
    expect(r).toEqual({
      ok: true,
      evidence: {
        quote: { exact: 'said yes', prefix: 'Putin said no. Then Putin ', suffix: '. Then Putin said no.' },
        position: { start: 26, end: 34 },
      },
    });
  });

  it('cuts the context at 32 characters', () => {
    const long = 'a'.repeat(40) + 'X' + 'b'.repeat(40);
    const r = anchorQuote(long, { exact: 'X' });
    expect(r.ok && r.evidence.quote.prefix).toBe('a'.repeat(32));
    expect(r.ok && r.evidence.quote.suffix).toBe('b'.repeat(32));
  });

  it('chooses between repeats by prefix, suffix or old position, and reports what stays ambiguous', () => {
    expect(anchorQuote(text, { exact: 'Putin said no' })).toEqual({ ok: false, reason: 'ambiguous', starts: [0, 41] });
    const byPrefix = anchorQuote(text, { exact: 'Putin said no', prefix: 'Then ' });
    expect(byPrefix.ok && byPrefix.evidence.position).toEqual({ start: 41, end: 54 });
    const bySuffix = anchorQuote(text, { exact: 'Putin said no', suffix: '. Then' });
    expect(bySuffix.ok && bySuffix.evidence.position).toEqual({ start: 0, end: 13 });
    const byPosition = anchorQuote(text, { exact: 'Putin said no' }, { start: 41 });
    expect(byPosition.ok && byPosition.evidence.position).toEqual({ start: 41, end: 54 });
    expect(anchorQuote(text, { exact: 'Putin said maybe' })).toEqual({ ok: false, reason: 'not-found' });
  });

  it('anchors a whole article in place and says what it did', () => {
    const article: Record<string, unknown> = {
      text,
      statements: [{ id: 's1', evidence: { quote: { exact: 'said yes' } } }, { id: 's2' }],
      disputes: [{ id: 'd1', evidence: { quote: { exact: 'Putin said no' } } }],
    };
    const { notes, changed } = anchorArticle(article);
    expect(changed).toBe(true);
    expect(notes.map((n) => `${n.item}: ${n.status}`)).toEqual([
      'statements[0] (s1): anchored',
      'statements[1] (s2): skipped',
      'disputes[0] (d1): ambiguous',
    ]);
    expect((article.statements as { evidence: { position: unknown } }[])[0]!.evidence.position).toEqual({ start: 26, end: 34 });
    // Anchoring again changes nothing.
    expect(anchorArticle(article).notes[0]!.status).toBe('unchanged');
  });
});
