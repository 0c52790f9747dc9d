/**
 * WCAG AA contrast of NewsLens's colours, computed from the stylesheets themselves:
 * - the card, popup and options palette (src/ui/styles.css), light and dark: every text colour on
 *   the backgrounds it is used on at least 4.5:1; the kind colours (dots, graphical objects) at
 *   least 3:1 against the background;
 * - the page highlights (entrypoints/content/highlights.css): a page's own text over each
 *   translucent background at least 4.5:1, on light pages and dark pages; each underline at least
 *   3:1 against both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type RGB = [number, number, number];

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
export function luminance([r, g, b]: RGB): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
export function contrast(a: RGB, b: RGB): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function hex(h: string): RGB {
  const m = /^#([0-9a-f]{6})$/i.exec(h.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${h}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
/** rgb()/rgba() → colour and alpha. */
function rgba(s: string): { rgb: RGB; alpha: number } {
  const m = /rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)/.exec(s);
  if (!m) throw new Error(`not rgb(): ${s}`);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) };
}
function over({ rgb, alpha }: { rgb: RGB; alpha: number }, page: RGB): RGB {
  return rgb.map((c, i) => Math.round(c * alpha + page[i]! * (1 - alpha))) as RGB;
}

/** The custom properties of the first rule block in `css`. */
function vars(css: string): Record<string, RGB> {
  const block = /\{([^}]*)\}/.exec(css)![1]!;
  const out: Record<string, RGB> = {};
  for (const m of block.matchAll(/--nl-([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)) out[m[1]!] = hex(m[2]!);
  return out;
}

const styles = readFileSync('src/ui/styles.css', 'utf8');
const [lightCss, darkCss] = styles.split('@media (prefers-color-scheme: dark)') as [string, string];
const themes = { light: vars(lightCss), dark: { ...vars(lightCss), ...vars(darkCss) } };

/** [text, background] pairs as the stylesheets use them. */
const TEXT_PAIRS: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'quote-bg'],
  ['fg', 'dispute-bg'],
  ['fg', 'note-bg'],
  ['fg', 'badge-bg'],
  ['muted', 'bg'],
  ['muted', 'quote-bg'],
  ['muted', 'badge-bg'],
  ['accent', 'bg'],
  ['accent', 'quote-bg'],
  ['disputed', 'bg'],
  ['disputed', 'dispute-bg'],
  ['unnamed', 'unnamed-bg'],
  ['unverified', 'unverified-bg'],
];
const GRAPHICS = ['person', 'organisation', 'country', 'figure', 'disputed', 'accent'];

describe('the card, popup and options palette', () => {
  it('checks the computation against known values', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast(hex('#767676'), hex('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex('#777777'), hex('#ffffff'))).toBeLessThan(4.5);
  });

  for (const [name, palette] of Object.entries(themes)) {
    it(`${name}: text at least 4.5:1`, () => {
      for (const [fg, bg] of TEXT_PAIRS) {
        expect(palette[fg], `${name} --nl-${fg}`).toBeDefined();
        expect(palette[bg], `${name} --nl-${bg}`).toBeDefined();
        expect(contrast(palette[fg]!, palette[bg]!), `${name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it(`${name}: kind colours at least 3:1 against the background`, () => {
      for (const g of GRAPHICS) expect(contrast(palette[g]!, palette.bg!), `${name}: ${g}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('the dark theme overrides every colour of the light one', () => {
    expect(Object.keys(vars(darkCss)).sort()).toEqual(Object.keys(vars(lightCss)).sort());
  });
});

describe('the page highlights', () => {
  const css = readFileSync('entrypoints/content/highlights.css', 'utf8');
  const rules = [...css.matchAll(/::highlight\((newslens(?:mark)?-[a-z]+)\)\s*\{([^}]*)\}/g)].map((m) => ({ name: m[1]!, body: m[2]! }));
  /** Typical pages: a light one and a dark one, each with its own text colour. */
  const pages: { name: string; bg: RGB; text: RGB }[] = [
    { name: 'light page', bg: [255, 255, 255], text: [34, 34, 34] },
    { name: 'cream page', bg: [251, 250, 247], text: [51, 51, 51] },
    { name: 'dark page', bg: [18, 18, 18], text: [221, 221, 221] },
    { name: 'dark blue page', bg: [13, 17, 23], text: [201, 209, 217] },
  ];

  it('covers every kind and the disputed mark', () => {
    expect(rules.map((r) => r.name).sort()).toEqual(
      ['newslens-active', 'newslens-country', 'newslensmark-disputed', 'newslens-figure', 'newslens-organisation', 'newslens-person'].sort(),
    );
  });

  it("keep the page's text legible over each background", () => {
    for (const rule of rules) {
      const bg = /background-color:\s*(rgba?\([^)]*\))/.exec(rule.body)?.[1];
      if (!bg) continue;
      for (const page of pages) {
        const under = over(rgba(bg), page.bg);
        expect(contrast(page.text, under), `${rule.name} on a ${page.name}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('draw underlines that stand out on light and dark pages', () => {
    for (const rule of rules) {
      const deco = /text-decoration:[^;]*?(rgba?\([^)]*\))/.exec(rule.body)?.[1];
      if (!deco) continue;
      for (const page of pages) {
        const line = over(rgba(deco), page.bg);
        expect(contrast(line, page.bg), `${rule.name} underline on a ${page.name}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
