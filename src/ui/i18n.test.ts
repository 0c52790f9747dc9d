/**
 * Every string the reader sees goes through i18n, in English and French: the two message files
 * have the same keys and placeholders, every key the code builds from the dataset's enums exists,
 * and the UI components hold no visible text of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { ActorKind, DisputeHow, Qualifier, SourceStatus, StatementKind } from '../dataset/schema';
import { format } from './i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = { en, fr };

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('messages', () => {
  it('English and French have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(locales))('%s: every placeholder used is declared, and every declared one is used', (lang) => {
    for (const [key, entry] of Object.entries(locales[lang]!)) {
      const used = new Set([...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()));
      const declared = new Set(Object.keys(entry.placeholders ?? {}));
      expect([...used].sort(), `${lang}:${key}`).toEqual([...declared].sort());
      expect(entry.message.trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('French declares the same placeholders as English', () => {
    for (const [key, entry] of Object.entries(en as Messages)) {
      expect(Object.keys((fr as Messages)[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it('substitutes placeholders the way Chrome does', () => {
    expect(format((en as Messages).disputed_by, ['Ukraine', 'rejects'])).toBe('Ukraine rejects');
    expect(format((fr as Messages).figure_page_differs, ['190,000-200,000 troops', 'up to 190,000 troops'])).toBe(
      'Cette page donne un autre chiffre : « 190,000-200,000 troops ». Le jeu de données indique up to 190,000 troops.',
    );
  });

  it('has a message for every value the code turns into a key', () => {
    const keys = [
      ...ActorKind.options.map((k) => `kind_${k}`),
      'kind_figure',
      ...SourceStatus.options.map((s) => `status_${s}`),
      ...SourceStatus.options.filter((s) => s !== 'named').map((s) => `status_${s}_hint`),
      ...StatementKind.options.map((k) => `stmt_${k.replace(/-/g, '_')}`),
      ...DisputeHow.options.map((h) => `how_${h}`),
      ...Qualifier.options.map((q) => `qualifier_${q.replace(/-/g, '_')}`),
    ];
    for (const key of keys) for (const lang of Object.keys(locales)) expect(locales[lang]![key], `${lang}:${key}`).toBeDefined();
  });

  it('the manifest and the shortcuts are translated', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    for (const m of config.matchAll(/__MSG_([a-zA-Z0-9_]+)__/g)) for (const lang of Object.keys(locales)) expect(locales[lang]![m[1]!], `${lang}:${m[1]}`).toBeDefined();
    expect(config).toContain('__MSG_command_next__');
  });
});

describe('components', () => {
  const sources = files('src/ui', /\.tsx$/).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  /** JSX text children and literal text attributes, found by TypeScript's own parser. */
  function visibleLiterals(path: string, text: string): string[] {
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(node.text.trim());
      if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
        const name = node.name.getText(file);
        if (['aria-label', 'title', 'placeholder', 'alt', 'aria-description'].includes(name) && /\p{L}/u.test(node.initializer.text)) {
          found.push(`${name}="${node.initializer.text}"`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }

  it('hold no visible text outside i18n', () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const { path, text } of sources) expect(visibleLiterals(path, text), path).toEqual([]);
    // The check itself finds what it should.
    expect(visibleLiterals('x.tsx', '<p title="Close">Hello world {t("k")}</p>')).toEqual(['title="Close"', 'Hello world']);
  });

  it('never render dataset text as HTML', () => {
    for (const { path, text } of sources) expect(text, path).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });
});

describe('dates, written without Intl (src/ui/format.ts)', () => {
  it.each([
    ['en', '2022-02-20', '20 Feb 2022'],
    ['fr', '2022-02-20', '20 févr. 2022'],
    ['en', '2024-12-01', '1 Dec 2024'],
    ['fr', '2023-08-09', '9 août 2023'],
  ])('%s: %s is %s', async (lang, iso, expected) => {
    const { useFallbackMessages } = await import('./i18n');
    const { formatDate } = await import('./format');
    useFallbackMessages(locales[lang]!);
    try {
      expect(formatDate(iso)).toBe(expected);
    } finally {
      useFallbackMessages(null);
    }
  });

  it.each(['2022-13-01', '2022-02-32', '20 February 2022', '', '2022-2-20'])('"%s" is not a calendar date: shown as written', async (text) => {
    const { useFallbackMessages } = await import('./i18n');
    const { formatDate } = await import('./format');
    useFallbackMessages(locales.en!);
    try {
      expect(formatDate(text)).toBe(text);
    } finally {
      useFallbackMessages(null);
    }
  });

  it('every language lists twelve months', () => {
    for (const lang of Object.keys(locales)) expect(locales[lang]!.months_short!.message.split('|')).toHaveLength(12);
  });
});

describe('numbers, written without Intl (src/ui/format.ts)', () => {
  it.each([
    ['en', 190000, '190,000'],
    ['fr', 190000, '190\u202f000'],
    ['en', 75, '75'],
    ['en', 1234567.5, '1,234,567.5'],
    ['fr', 1234567.5, '1\u202f234\u202f567,5'],
    ['en', -3000, '-3,000'],
    ['en', 0.25, '0.25'],
  ])('%s: %d is %s', async (lang, n, expected) => {
    const { useFallbackMessages } = await import('./i18n');
    const { formatNumber } = await import('./format');
    useFallbackMessages(locales[lang]!);
    try {
      expect(formatNumber(n)).toBe(expected);
    } finally {
      useFallbackMessages(null);
    }
  });
});
