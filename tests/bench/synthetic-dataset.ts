/**
 * A synthetic dataset for the benchmark: the seed dataset plus generated actors, up to 10,000
 * actors and 50,000 aliases, to show how the cost of a page grows with the dataset.
 *
 * The names are made to cost what real ones would, not less: people are common first names and
 * surnames ("David Miller", "Miller", "D. Miller", "Dr Miller"), organisations are made of the
 * words news writing is full of ("National Security Council of Vernia", "Security Council"),
 * so many words of a real page pass the matcher's prefilter and walk its trie, and some
 * synthetic names do occur on corpus pages. Deterministic (a seeded generator): the same files
 * every run. The result passes the dataset check (no safe alias claimed twice: a safe alias
 * that collides is written as unsafe).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, Alias } from '../../src/dataset/schema';
import { normalizeText } from '../../src/matching/normalize';

const FIRST = (
  'James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Paul Steven ' +
  'Andrew Kenneth Joshua Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric ' +
  'Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack ' +
  'Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Peter Zachary Douglas Harold Mary Patricia Jennifer Linda ' +
  'Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley Kimberly Emily Donna ' +
  'Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Dorothy Amy Kathleen Angela ' +
  'Shirley Emma Brenda Pamela Nicole Anna Samantha Katherine Christine Olga Irina Natalia Sergei Dmitry Andrei ' +
  'Alexei Yuri Oleksandr Volodymyr Mykola Taras Olena Yulia Viktor Pierre Jean Marie Francois Olivier Nicolas ' +
  'Hans Klaus Wolfgang Jurgen Angela Ursula Olaf Friedrich Giorgia Matteo Luca Giuseppe Carlos Pedro Luis ' +
  'Ahmed Mohammed Ali Hassan Fatima Omar Wei Li Ming Hiroshi Yuki Kenji Rahul Priya Amit Narendra Recep'
).split(' ');

const LAST = (
  'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Lewis Walker Robinson Wood ' +
  'Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin Clarke James Morgan Hughes Edwards ' +
  'Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner Carter Phillips Mitchell Patel Adams Campbell ' +
  'Anderson Allen Cook Bailey Parker Miller Davis Murphy Price Bell Baker Griffiths Kelly Simpson Marshall ' +
  'Collins Bennett Cox Richardson Fox Gray Rose Chapman Hunt Robertson Shaw Reynolds Lloyd Ellis Richards ' +
  'Russell Wilkinson Khan Graham Stewart Reid Murray Powell Palmer Holmes Rogers Stevens Walsh Hunter Thomson ' +
  'Matthews Ross Owen Mason Knight Kennedy Butler Saunders Ivanov Petrov Sidorov Smirnov Kuznetsov Popov ' +
  'Volkov Sokolov Lebedev Kozlov Novikov Morozov Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Melnyk ' +
  'Dubois Durand Lefebvre Moreau Laurent Simon Michel Garcia Bernard Muller Schmidt Schneider Fischer Weber ' +
  'Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Esposito Bianchi Romano Fernandez Lopez Gonzalez ' +
  'Rodriguez Martinez Sanchez Perez Gomez Hussein Rahman Chen Wang Zhang Liu Yang Huang Tanaka Suzuki Sato ' +
  'Watanabe Singh Kumar Sharma Gupta Yilmaz Kaya Demir Nowak Kowalski Novak Horvat Nagy Jensen Hansen'
).split(' ');

const ADJECTIVES = (
  'National Federal Central Royal United International European Eastern Western Northern Southern State ' +
  'People\'s Democratic Independent Supreme General Joint Allied Regional Civil Foreign Public'
).split(' ');
const NOUNS = (
  'Security Council Defence Ministry Agency Bank Union Front Party Commission Assembly Court Guard Army Navy ' +
  'Institute Foundation Alliance Movement Committee Office Service Authority Congress League Forum Network'
).split(' ');
const TITLES = ['Mr', 'Ms', 'Dr', 'Mrs', 'General', 'Minister', 'President', 'Senator'];
const SYLLABLES = 'ka ro ve na li sto mar den tav or ul bri gan zel po ra mi dor vel an tis ken bor lu sa'.split(' ');

/** mulberry32: a small, fast, seeded generator (the same dataset on every run). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticCounts {
  actors: number;
  aliases: number;
}

/**
 * Writes the seed dataset (`seedDir`) plus generated actors into `outDir` (replaced), so that the
 * compiled index holds exactly `target.actors` actors and `target.aliases` aliases.
 */
export function writeSyntheticDataset(seedDir: string, outDir: string, target: SyntheticCounts = { actors: 10_000, aliases: 50_000 }): SyntheticCounts {
  const seed = JSON.parse(readFileSync(join(seedDir, 'actors.json'), 'utf8')) as { actors: Actor[] };
  const pick = random(20260401);
  const one = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const place = (): string => {
    const n = 2 + Math.floor(pick() * 2);
    let word = '';
    for (let i = 0; i < n; i++) word += one(SYLLABLES);
    return word[0]!.toUpperCase() + word.slice(1) + one(['ia', 'a', 'and', 'istan', 'ovo', '']);
  };

  // Safe aliases already claimed (the seed's, then ours): a repeat is written as unsafe.
  const claimed = new Set<string>();
  const ids = new Set<string>();
  let seedAliases = 0;
  for (const actor of seed.actors) {
    ids.add(actor.id);
    const listed = actor.aliases.some((a) => a.text === actor.name);
    seedAliases += actor.aliases.length + (listed ? 0 : 1);
    if (!listed) claimed.add(normalizeText(actor.name));
    for (const a of actor.aliases) if (a.safe) claimed.add(normalizeText(a.text));
  }

  const toMake = target.actors - seed.actors.length;
  const aliasesToMake = target.aliases - seedAliases;
  if (toMake <= 0 || aliasesToMake < toMake) throw new Error('the target is smaller than the seed dataset');
  const base = Math.floor(aliasesToMake / toMake);
  const extra = aliasesToMake % toMake;

  const actors: Actor[] = [...seed.actors];
  for (let i = 0; i < toMake; i++) {
    const want = base + (i < extra ? 1 : 0);
    const roll = pick();
    let name: string;
    let kind: Actor['kind'];
    let candidates: [string, boolean, boolean][]; // text, safe, caseSensitive
    if (roll < 0.7) {
      const first = one(FIRST);
      const last = pick() < 0.3 ? place().replace(/(ia|a|and|istan|ovo)$/, 'ov') : one(LAST);
      const middle = one(FIRST);
      name = `${first} ${last}`;
      kind = 'person';
      candidates = [
        [name, true, false],
        [`${first} ${middle[0]}. ${last}`, true, false],
        [last, false, false],
        [`${first[0]}. ${last}`, false, false],
        [`${one(TITLES)} ${last}`, false, false],
        [`${first} ${middle} ${last}`, true, false],
        [`${last.toUpperCase()}`, false, true],
      ];
    } else if (roll < 0.9) {
      const adjective = one(ADJECTIVES);
      const noun = one(NOUNS);
      const where = place();
      name = `${adjective} ${noun} of ${where}`;
      kind = one(['organisation', 'government', 'group'] as const);
      const acronym = `${adjective[0]}${noun[0]}${where[0]}`.toUpperCase();
      candidates = [
        [name, true, false],
        [acronym, false, true],
        [`${where} ${noun}`, true, false],
        [`${noun} of ${where}`, false, false],
        [`${adjective} ${noun}`, false, false],
        [`${where}'s ${noun}`, false, false],
        [`${noun} ${where}`, false, false],
      ];
    } else {
      const where = place();
      name = pick() < 0.5 ? where : `${where} ${one(['Times', 'Herald', 'News', 'Post', 'Radio', 'Today'])}`;
      kind = name === where ? 'country' : 'media';
      candidates = [
        [name, true, false],
        [`Republic of ${where}`, true, false],
        [`${where}n`, false, false],
        [where.toUpperCase(), false, true],
        [`${where} ${one(NOUNS)}`, false, false],
        [`North ${where}`, true, false],
        [`South ${where}`, true, false],
      ];
    }
    let id = `syn-${slug(name)}`;
    for (let n = 2; ids.has(id); n++) id = `syn-${slug(name)}-${n}`;
    ids.add(id);
    const seen = new Set<string>();
    const aliases: Alias[] = [];
    for (const [text, safe, caseSensitive] of candidates) {
      if (aliases.length === want) break;
      if (seen.has(text)) continue;
      seen.add(text);
      const key = normalizeText(text);
      const isSafe = safe && !claimed.has(key);
      if (isSafe) claimed.add(key);
      aliases.push({ text, safe: isSafe, caseSensitive });
    }
    for (let n = 2; aliases.length < want; n++) aliases.push({ text: `${name} ${n}`, safe: false, caseSensitive: false });
    actors.push({ id, name, kind, aliases });
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'articles'), { recursive: true });
  writeFileSync(join(outDir, 'actors.json'), JSON.stringify({ actors }, null, 1));
  for (const file of readdirSync(join(seedDir, 'articles'))) {
    if (file.endsWith('.json')) writeFileSync(join(outDir, 'articles', file), readFileSync(join(seedDir, 'articles', file)));
  }
  // The articles' texts, and one more article whose text names every generated actor: the check
  // refuses an actor that no article mentions. Texts never reach the build, so the bundle grows
  // by one article entry only.
  mkdirSync(join(outDir, 'texts'), { recursive: true });
  for (const file of existsSync(join(seedDir, 'texts')) ? readdirSync(join(seedDir, 'texts')) : []) {
    writeFileSync(join(outDir, 'texts', file), readFileSync(join(seedDir, 'texts', file)));
  }
  const roster = actors.slice(seed.actors.length).map((a) => a.name).join('\n');
  const publisher = seed.actors.find((a) => a.kind === 'media')!.id;
  writeFileSync(join(outDir, 'texts', 'synthetic-roster.txt'), roster);
  writeFileSync(
    join(outDir, 'articles', 'synthetic-roster.json'),
    JSON.stringify({ id: 'synthetic-roster', title: 'Synthetic roster', publisher, url: 'https://example.test/synthetic-roster', published: '2026-04-01', language: 'en', textSha256: createHash('sha256').update(roster).digest('hex') }, null, 1),
  );
  return { actors: actors.length, aliases: seedAliases + actors.slice(seed.actors.length).reduce((n, a) => n + a.aliases.length, 0) };
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
