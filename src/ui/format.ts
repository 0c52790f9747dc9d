/** Pure formatting of dataset values for display. */
import { own } from '../dataset/own';
import type { DetailActor, DetailArticle, DetailFigure, Details } from '../dataset/compiled';
import { t, type MessageKey } from './i18n';

export function kindLabel(kind: string): string {
  return t(`kind_${kind}` as MessageKey);
}

export function actorName(actors: Record<string, DetailActor>, id: string): string {
  return own(actors, id)?.name ?? id;
}

/**
 * A dataset date ("2022-02-20") as the reader's language writes it ("20 Feb 2022", "20 févr.
 * 2022"), from the i18n messages `months_short` and `date_short`. Not `Intl.DateTimeFormat` /
 * `toLocaleDateString`: the first date formatter a page builds loads the locale's data, a task of
 * 20 to 45 ms measured on real pages, and the card opens inside the page, where no task of ours
 * may take 50 ms.
 * Anything that is not a calendar date is shown as written.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const names = t('months_short').split('|');
  if (month < 1 || month > 12 || day < 1 || day > 31 || names.length !== 12) return iso;
  return t('date_short', [String(day), names[month - 1]!, m[1]!]);
}

/**
 * A number with the reader's separators ("190,000", "190 000"; message `number_separators`), not
 * `toLocaleString`, whose first number formatter in a page loads the locale's data (see
 * `formatDate`). `locale` is accepted for the callers that pass one, and unused.
 */
export function formatNumber(n: number, _locale?: string): string {
  if (!Number.isFinite(n)) return String(n);
  const separators = t('number_separators');
  const thousands = separators.length === 2 ? separators[0]! : ',';
  const decimal = separators.length === 2 ? separators[1]! : '.';
  const [whole = '0', fraction] = Math.abs(n).toString().split('.');
  const grouped = /e/i.test(whole) ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** Plain order of two strings by UTF-16 code units: for ISO dates and ids, where it is the right order, without the collator `localeCompare` builds on first use. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "up to 190,000 troops" from the figure's parts. */
export function formatFigure(f: DetailFigure, locale?: string): string {
  const q = f.qualifier === 'exactly' ? '' : `${t(`qualifier_${f.qualifier.replace(/-/g, '_')}` as MessageKey)} `;
  const range = f.low !== undefined && f.high !== undefined ? `${formatNumber(f.low, locale)}–${formatNumber(f.high, locale)}` : formatNumber(f.value, locale);
  const unit = f.unit === 'percent' ? '%' : ` ${f.unit}`;
  return `${q}${range}${unit}`;
}

export function articleLine(a: DetailArticle | undefined): string {
  if (!a) return '';
  return t('source_article', [a.publisherName, formatDate(a.published)]);
}

/** What a card or a row is about, in words: the actor's name, or the figure as the dataset gives it. */
export function titleOf(details: Details): string {
  return details.actor?.name ?? (details.figure ? formatFigure(details.figure) : '');
}

/** The most recent article the details draw on: the actor's role is given as of that one. */
export function latestArticle(details: Details): DetailArticle | undefined {
  return Object.values(details.articles).sort((a, b) => byCodeUnits(b.published, a.published))[0];
}

/** A dataset URL as a link target: http(s) only, so that a bad entry can never become a script URL. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
