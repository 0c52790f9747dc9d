/**
 * The content script checks what it receives with hand-written guards (src/messaging/guards.ts,
 * src/sites/policy.ts), the rest of the extension with zod (src/messaging/schemas.ts,
 * reply-schemas.ts, src/sites/schemas.ts). Here both get the same samples and must give the same
 * answer: the real dataset's replies, hand-made valid samples, and every sample made from a valid
 * one by putting a wrong value (or none) at one place, or an unknown key. A field added to, removed
 * from or changed in one form and not the other fails here.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ActorKind, DisputeHow, Qualifier, SourceStatus, StatementKind } from '../../src/dataset/schema';
import { compileDetails, compileIndex } from '../../src/dataset/compile';
import { detailsFor } from '../../src/dataset/details';
import { loadDataset } from '../../src/dataset/load';
import { MatchRef } from '../../src/dataset/ref';
import { createIndexServer } from '../../src/background/lazy-index';
import {
  ACTOR_KINDS,
  DISPUTE_HOWS,
  QUALIFIERS,
  ReplyGuards,
  SOURCE_STATUSES,
  STATEMENT_KINDS,
  ToContentGuards,
  isMatchRef,
  isResult,
  type Guard,
} from '../../src/messaging/guards';
import { envelope, readEnvelope, type ToBackgroundType, type ToContentType } from '../../src/messaging/protocol';
import { BackgroundReplies } from '../../src/messaging/reply-schemas';
import { ToContent, parseIncoming } from '../../src/messaging/schemas';
import { migrateSettings, type Migrated } from '../../src/sites/migrate';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, isMode, isSettings, isSiteChoice } from '../../src/sites/policy';
import { Mode, Settings, SiteChoice } from '../../src/sites/schemas';

/** Anything with zod's `safeParse` (zod and zod/mini schemas alike). */
type Schema = { safeParse(value: unknown): { success: boolean } };

/** Values of every kind, wrong for most fields. */
const WRONG: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '',
  'x',
  'person',
  'on',
  [],
  ['x'],
  [1],
  {},
  { x: 1 },
  new Map([['a', 1]]),
  new Date(0),
  () => {},
];

type Path = (string | number)[];

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function* paths(value: unknown, path: Path = []): Generator<Path> {
  yield path;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...path, i]);
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) yield* paths((value as Record<string, unknown>)[key], [...path, key]);
}

/** Samples made from a valid one: a wrong value at each place, each key removed, an unknown key added to each object, a hole in each array. */
function* mutants(valid: unknown): Generator<[string, unknown]> {
  yield ['as is', valid];
  for (const path of paths(valid)) {
    const at = path.join('.') || '(root)';
    for (const wrong of WRONG) yield [`${at} = ${show(wrong)}`, setAt(valid, path, wrong)];
    if (path.length > 0) yield [`${at} removed`, setAt(valid, path, undefined, true)];
    const here = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], valid);
    if (typeof here === 'object' && here !== null && !Array.isArray(here)) yield [`${at} + unknown key`, setAt(valid, [...path, 'unknownKey'], 'x')];
    if (Array.isArray(here) && here.length > 0) {
      const holed = structuredClone(here) as unknown[];
      holed.length += 1;
      yield [`${at} with a hole`, setAt(valid, path, holed)];
    }
  }
}

function show(v: unknown): string {
  if (typeof v === 'function') return 'function';
  if (v instanceof Map) return 'Map';
  if (v instanceof Date) return 'Date';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** Every disagreement between the schema and the guard over the samples (none expected). */
function disagreements(schema: Schema, guard: Guard<unknown>, samples: Iterable<[string, unknown]>): string[] {
  const out: string[] = [];
  for (const [name, sample] of samples) {
    const byZod = schema.safeParse(sample).success;
    const byGuard = guard(sample);
    if (byZod !== byGuard) out.push(`${name}: zod ${byZod}, guard ${byGuard}`);
  }
  return out;
}

const { dataset } = loadDataset('assets/dataset');
const index = compileIndex(dataset!, 'test');
const store = compileDetails(dataset!);

const ref = { type: 'actor', id: 'vladimir-putin' };
const article = { id: 'a1', title: 'T', publisher: 'bbc', publisherName: 'BBC', url: 'https://example.com/a', published: '2022-02-20', language: 'en' };
const actor = { id: 'x', name: 'X', kind: 'person', role: 'r', description: 'd', wikidata: 'Q1' };
const statement = {
  id: 's1',
  article: 'a1',
  speaker: 'x',
  text: 'said',
  kind: 'paraphrase',
  verb: 'said',
  attribution: [{ actor: 'y', relation: 'told' }],
  sourceStatus: 'unnamed',
  about: ['y'],
  figures: ['f1'],
  quote: 'q',
};
const figure = {
  id: 'f1',
  article: 'a1',
  value: 75,
  low: 70,
  high: 80.5,
  unit: 'per cent',
  qualifier: 'close-to',
  measure: 'm',
  measureKey: 'mk',
  where: 'w',
  source: 'x',
  surface: 'close to 75 per cent',
};
const dispute = { id: 'd1', article: 'a1', statement: 's1', by: 'y', how: 'denies', counter: 's2', summary: 's', quote: 'q' };
const fullDetails = {
  ref,
  actor,
  figure,
  said: [statement],
  about: [statement],
  reported: [statement],
  disputes: [dispute],
  related: [figure],
  actors: { x: actor },
  articles: { a1: article },
  statements: { s1: statement },
};
const indexActor = { id: 'x', name: 'X', kind: 'country' };
const indexAlias = { text: 'X', actor: 0, safe: false, caseSensitive: true, context: { before: ['President'], after: ['said'], notBefore: ['Mr'], notAfter: ['Street'], cueOnly: true } };
const indexFigure = { id: 'f1', value: 190000, low: 1, high: 2, unitTerms: ['troops'], percent: false, names: ['russian'], measureKey: 'mk' };

/** For each reply type, valid samples: one with every optional field, one with none. */
const replySamples: { [K in ToBackgroundType]: unknown[] } = {
  'data:index': [
    { version: 'v', actors: [indexActor], aliases: [indexAlias], figures: [indexFigure], firstWords: { any: 'AA==', lower: '', size: 64, punctuation: false } },
    { version: 'v', actors: [], aliases: [{ text: 'X', actor: 3, safe: true, caseSensitive: false }], figures: [{ id: 'f', value: -1, unitTerms: [], percent: true, measureKey: 'k' }] },
  ],
  'data:aliases': [{ actors: [indexActor], aliases: [indexAlias], withheld: [0, 2] }],
  'data:details': [{ ...fullDetails, page: 'a1' }, { ...fullDetails, actor: undefined, figure: undefined, related: [], actors: {}, statements: Object.create(null) as object }, null],
  'data:summary': [{ version: 'v', articles: 1, actors: 2, figures: 3, statements: 4, disputes: 0 }],
  'data:weights': [[{ weight: 0.5, disputed: true }], []],
  'data:articles': [[{ ...article, counts: { statements: 2, figures: 0, disputes: 1, actors: 3 } }], []],
  'ui:open-details': [null],
  'page:count': [null],
};

const contentSamples: { [K in ToContentType]: unknown[] } = {
  'page:state': [{}],
  'page:reveal': [{ ref }, { ref: { type: 'figure', id: '' } }],
  'page:navigate': [{ direction: 'next' }, { direction: 'previous' }],
  'page:quotes': [{}],
};

describe('the content script guards agree with the zod schemas', () => {
  it('on the dataset enums (the guards list them by hand)', () => {
    expect(ACTOR_KINDS).toEqual(ActorKind.options);
    expect(QUALIFIERS).toEqual(Qualifier.options);
    expect(STATEMENT_KINDS).toEqual(StatementKind.options);
    expect(SOURCE_STATUSES).toEqual(SourceStatus.options);
    expect(DISPUTE_HOWS).toEqual(DisputeHow.options);
  });

  it('on match references', () => {
    expect(disagreements(MatchRef, isMatchRef, mutants(ref))).toEqual([]);
  });

  it.each(Object.keys(contentSamples) as ToContentType[])('on %s requests, valid and mutated', (type) => {
    const schema = ToContent[type] as Schema;
    for (const valid of contentSamples[type]) {
      expect(ToContentGuards[type](valid)).toBe(true);
      expect(disagreements(schema, ToContentGuards[type], mutants(valid))).toEqual([]);
    }
  });

  it('on whole messages: the same ones are taken, as the same type', () => {
    const messages: unknown[] = [
      ...Object.entries(contentSamples).flatMap(([type, samples]) => samples.map((p) => envelope(type, p))),
      envelope('page:state', undefined),
      envelope('page:reveal', { ref: { type: 'person', id: 'x' } }),
      envelope('page:navigate', { direction: 'up' }),
      envelope('data:index', {}),
      envelope('constructor', {}),
      envelope('toString', {}),
      { newslens: 2, type: 'page:state', payload: {} },
      { type: 'page:state' },
      'page:state',
      null,
      undefined,
      [envelope('page:state', {})],
    ];
    for (const message of messages) {
      const byZod = parseIncoming(ToContent, message);
      const read = readEnvelope(ToContentGuards, message);
      const byGuard = read && ToContentGuards[read.type](read.payload) ? read.type : null;
      expect(byGuard, JSON.stringify(message)).toBe(byZod?.type ?? null);
    }
  });

  it.each(Object.keys(replySamples) as ToBackgroundType[])('on %s replies, valid and mutated', (type) => {
    const schema = BackgroundReplies[type] as z.ZodType;
    for (const valid of replySamples[type]) {
      expect(ReplyGuards[type](valid), JSON.stringify(valid)).toBe(true);
      expect(disagreements(schema, ReplyGuards[type], mutants(valid))).toEqual([]);
    }
  });

  it("on the real dataset's replies: the index, a large dataset's, and every actor's and figure's details", () => {
    const server = createIndexServer(index, 1);
    const lazy = server.index();
    const samples: [ToBackgroundType, unknown][] = [
      ['data:index', structuredClone(index)],
      ['data:index', structuredClone(lazy)],
      ['data:aliases', structuredClone(server.aliases([], [], index.actors.map((a) => a.id)))],
    ];
    for (const a of index.actors) samples.push(['data:details', structuredClone(detailsFor(store, { type: 'actor', id: a.id }))]);
    for (const f of index.figures) samples.push(['data:details', structuredClone(detailsFor(store, { type: 'figure', id: f.id }))]);
    expect(lazy.firstWords).toBeDefined();
    for (const [type, sample] of samples) {
      expect(BackgroundReplies[type].safeParse(sample).success).toBe(true);
      expect(ReplyGuards[type](sample)).toBe(true);
    }
  });

  it('on the Result envelope of replies', () => {
    const guard = ReplyGuards['data:weights'];
    expect(isResult({ ok: true, value: [] }, guard)).toBe(true);
    expect(isResult({ ok: false, error: 'no' }, guard)).toBe(true);
    for (const bad of [undefined, null, {}, [], { ok: true }, { ok: true, value: [{ weight: 'x' }] }, { ok: false }, { ok: false, error: 1 }, { ok: 'yes', value: [] }]) {
      expect(isResult(bad, guard), JSON.stringify(bad)).toBe(false);
    }
  });

  it('on stored settings, modes and site choices', () => {
    const valid = { version: SETTINGS_VERSION, mode: 'everywhere', paused: true };
    expect(disagreements(Settings, isSettings, mutants(valid))).toEqual([]);
    expect(disagreements(Mode, isMode, WRONG.concat(['news', 'everywhere', 'listed', 'News']).map((v) => [show(v), v]))).toEqual([]);
    expect(disagreements(SiteChoice, isSiteChoice, WRONG.concat(['on', 'off', 'ON', 'auto']).map((v) => [show(v), v]))).toEqual([]);
  });
});

/** migrate.ts as it was with zod: the guards must give a corrupted value the same safe default. */
function migrateWithZod(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'not an object' };
  const version = (raw as { version?: unknown }).version;
  if (version !== SETTINGS_VERSION) return { ok: false, error: `unknown version ${JSON.stringify(version)}` };
  const parsed = Settings.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, changed: false };
  const merged = { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  const mode = Mode.safeParse(r.mode);
  if (mode.success) merged.mode = mode.data;
  if (typeof r.paused === 'boolean') merged.paused = r.paused;
  return { ok: true, value: merged, changed: true };
}

describe('settings migration with the guards', () => {
  it('gives every stored value, valid or corrupted, what the zod version gave', () => {
    const valid = { version: SETTINGS_VERSION, mode: 'listed', paused: true };
    for (const [name, raw] of [...mutants(valid), ...mutants(DEFAULT_SETTINGS)]) {
      expect(migrateSettings(raw), name).toEqual(migrateWithZod(raw));
    }
  });
});
