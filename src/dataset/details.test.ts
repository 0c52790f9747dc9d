import { describe, expect, it } from 'vitest';
import { compileDetails, compileIndex } from './compile';
import { detailsFor } from './details';
import { loadDataset } from './load';

const { dataset, problems } = loadDataset('assets/dataset');

describe('compiled dataset', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
  });
  const ds = dataset!;
  const index = compileIndex(ds, 'test');
  const store = compileDetails(ds);

  it('gives the content script names and figures only', () => {
    expect(Object.keys(index).sort()).toEqual(['actors', 'aliases', 'figures', 'version']);
    expect(index.aliases.every((a) => index.actors[a.actor] !== undefined)).toBe(true);
    expect(JSON.stringify(index)).not.toContain('statements');
  });

  it("answers for Putin with what he said, what was said about him, and disputes", () => {
    const d = detailsFor(store, { type: 'actor', id: 'vladimir-putin' })!;
    expect(d.actor?.name).toBe('Vladimir Putin');
    expect(d.said.length).toBeGreaterThan(0);
    expect(d.said.every((s) => s.speaker === 'vladimir-putin')).toBe(true);
    expect(d.about.every((s) => s.about.includes('vladimir-putin') && s.speaker !== 'vladimir-putin')).toBe(true);
    expect(d.disputes.length).toBeGreaterThan(0);
    // Every actor referred to has a name to show.
    for (const s of [...d.said, ...d.about, ...d.reported]) {
      for (const l of s.attribution) expect(d.actors[l.actor]).toBeDefined();
      expect(d.articles[s.article]).toBeDefined();
    }
    for (const dispute of d.disputes) expect(d.statements[dispute.statement]).toBeDefined();
  });

  it('answers for a figure with who gives it', () => {
    const fig = index.figures.find((f) => f.value === 190000)!;
    const d = detailsFor(store, { type: 'figure', id: fig.id })!;
    expect(d.figure?.value).toBe(190000);
    expect(d.actors[d.figure!.source]).toBeDefined();
  });

  it('returns null for an unknown id', () => {
    expect(detailsFor(store, { type: 'actor', id: 'nobody' })).toBeNull();
  });
});
