/**
 * Paints matches with the CSS Custom Highlight API: ranges registered in `CSS.highlights`,
 * styled by `::highlight()` rules injected by the browser (public/highlights.css, listed in
 * the manifest). Nothing is inserted into the page's DOM.
 */
import type { ActorKind } from '../dataset/schema';

/**
 * The ending of this load's highlight names: one of the build's random suffixes, drawn per page
 * load, so that a page cannot style or pre-register our groups by name before they exist. A
 * page can still list `CSS.highlights` once they do (README, "Trust").
 */
export const HIGHLIGHT_SUFFIX = drawSuffix(__NEWSLENS_HIGHLIGHT_SUFFIXES__);

/** A highlight group per colour. Names are prefixed so they never collide with a page's own. */
const HIGHLIGHT_NAMES = {
  person: `newslens-person${HIGHLIGHT_SUFFIX}`,
  organisation: `newslens-organisation${HIGHLIGHT_SUFFIX}`,
  country: `newslens-country${HIGHLIGHT_SUFFIX}`,
  figure: `newslens-figure${HIGHLIGHT_SUFFIX}`,
  active: `newslens-active${HIGHLIGHT_SUFFIX}`,
} as const;
export type Paint = Exclude<keyof typeof HIGHLIGHT_NAMES, 'active'>;

function drawSuffix(suffixes: readonly string[]): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return suffixes[n! % suffixes.length] ?? '';
}

/**
 * Registers `group` under `name` unless it is already there: a page may delete our group or set
 * its own under our name; before each update the group is put back.
 */
export function keepRegistered(registry: HighlightRegistry, name: string, group: Highlight): void {
  if (registry.get(name) !== group) registry.set(name, group);
}

export function paintFor(kind: ActorKind | 'figure'): Paint {
  switch (kind) {
    case 'person':
      return 'person';
    case 'country':
      return 'country';
    case 'figure':
      return 'figure';
    default:
      return 'organisation';
  }
}

/** The browser objects the painter needs, passed in so that tests and odd pages can differ. */
export interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

/**
 * The API as the content script's own world sees it. Pages cannot redefine these for us in
 * Chromium or Firefox (content scripts run in an isolated world), but a browser without the
 * API gets null, and the extension stands aside.
 */
export function highlightApi(win: Window & typeof globalThis): HighlightApi | null {
  const registry = win.CSS?.highlights;
  const ctor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || typeof ctor !== 'function') return null;
  return { registry, Highlight: ctor };
}

export class Painter {
  private readonly groups = new Map<Paint | 'active', Highlight>();

  constructor(private readonly api: HighlightApi) {}

  /** Adds ranges to their groups; registers each group the first time it gets a range. */
  add(paint: Paint, ranges: Iterable<AbstractRange>): void {
    let group = this.groups.get(paint);
    if (!group) {
      group = new this.api.Highlight();
      group.priority = 1;
      this.groups.set(paint, group);
    }
    keepRegistered(this.api.registry, HIGHLIGHT_NAMES[paint], group);
    for (const r of ranges) group.add(r);
  }

  remove(paint: Paint, ranges: Iterable<AbstractRange>): void {
    const group = this.groups.get(paint);
    if (!group) return;
    keepRegistered(this.api.registry, HIGHLIGHT_NAMES[paint], group);
    for (const r of ranges) group.delete(r);
  }

  /** Marks the ranges of the match under the pointer (or none). */
  setActive(ranges: AbstractRange[]): void {
    let group = this.groups.get('active');
    if (!group) {
      group = new this.api.Highlight();
      group.priority = 2;
      this.groups.set('active', group);
    }
    keepRegistered(this.api.registry, HIGHLIGHT_NAMES.active, group);
    group.clear();
    for (const r of ranges) group.add(r);
  }

  /** Removes every highlight this painter registered. */
  clear(): void {
    for (const [paint, group] of this.groups) {
      group.clear();
      if (this.api.registry.get(HIGHLIGHT_NAMES[paint]) === group) this.api.registry.delete(HIGHLIGHT_NAMES[paint]);
    }
    this.groups.clear();
  }
}
