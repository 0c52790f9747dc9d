/**
 * Names in other languages (docs/matching.md, "Names in other languages"; src/matching/
 * inflection.ts and the matcher's genitive), on the bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { cyrillicEndingFits, stemKey } from './inflection';
import { foldKey } from './normalize';
import { bundledPage as run } from './test-fixtures';

const key = (word: string) => stemKey(foldKey(word));

describe('Cyrillic: case forms by their ending', () => {
  it('keys the case forms of a name by one stem', () => {
    for (const form of ['Путин', 'Путина', 'Путину', 'Путиным', 'Путине']) expect(key(form)).toBe('путин');
    for (const form of ['Зеленский', 'Зеленского', 'Зеленскому', 'Зеленским', 'Зеленском']) expect(key(form)).toBe('зеленск');
    for (const form of ['Россия', 'России', 'Россию', 'Россией']) expect(key(form)).toBe('росс');
    expect(key('Кремль')).toBe(key('Кремлём'));
    expect(key('Путин')).not.toBe(key('путинский'));
    expect(key('Украина')).not.toBe(key('украинец'));
  });

  it("allows only the endings of the alias's own declension", () => {
    expect(cyrillicEndingFits(foldKey('Зеленский'), foldKey('Зеленского'))).toBe(true);
    expect(cyrillicEndingFits(foldKey('Зеленский'), foldKey('Зеленская'))).toBe(false); // his wife's name
    expect(cyrillicEndingFits(foldKey('Зеленський'), foldKey('Зеленська'))).toBe(false);
    expect(cyrillicEndingFits(foldKey('Росія'), foldKey('Роса'))).toBe(false); // same stem, another word
    expect(cyrillicEndingFits(foldKey('Putin'), foldKey('Putina'))).toBe(false); // Latin words do not inflect here
  });

  it('finds Russian and Ukrainian case forms in running text', () => {
    expect(run('Песков заявил, что Путину доложили о встрече Владимира Путина с Зеленским; в Кремле и в России ждут.')).toEqual([
      ['Путину', 'vladimir-putin'], ['Владимира Путина', 'vladimir-putin'], ['Зеленским', 'volodymyr-zelensky'],
      ['Кремле', 'kremlin'], ['России', 'russia'],
    ]);
    expect(run('Офіс Зеленського повідомив, що Україною та Росією опікуються США і НАТО.')).toEqual([
      ['Зеленського', 'volodymyr-zelensky'], ['Україною', 'ukraine'], ['Росією', 'russia'], ['США', 'united-states'], ['НАТО', 'nato'],
    ]);
  });

  it('leaves derived words and other people alone', () => {
    expect(run('путинский режим, россияне и украинец; Олена Зеленська и Ольга Зеленская.')).toEqual([]);
  });
});

describe('German: genitive and compounds', () => {
  it('matches the genitive "s" before a noun or after "des"', () => {
    expect(run('Putins Krieg, Russlands Präsident und Selenskyjs Berater; ein Sprecher des Kremls.')).toEqual([
      ['Putins', 'vladimir-putin'], ['Russlands', 'russia'], ['Selenskyjs', 'volodymyr-zelensky'], ['Kremls', 'kremlin'],
    ]);
    expect(run('Wladimir Putins Rede.')).toEqual([['Wladimir Putins', 'vladimir-putin']]);
  });

  it('after a noun too: the genitive that follows its noun', () => {
    expect(run('Er beschwor die Einheit Russlands. Bei einem Sturz Putins.')).toEqual([
      ['Russlands', 'russia'], ['Putins', 'vladimir-putin'],
    ]);
  });

  it('only for names written in German, and not for an English plural', () => {
    expect(run('Joe Biden and France spoke; the Bidens went home with Frances McDormand.')).toEqual([
      ['Joe Biden', 'joe-biden'], ['France', 'france'],
    ]);
  });

  it('matches the name in a hyphenated compound, not in a closed one', () => {
    expect(run('Das Putin-Regime, der Kreml-Sprecher und der Ukraine-Krieg; ein Kremlsprecher.')).toEqual([
      ['Putin', 'vladimir-putin'], ['Kreml', 'kremlin'], ['Ukraine', 'ukraine'],
    ]);
  });
});

describe('accents and other languages', () => {
  it('finds French, Spanish and German names with or without their accents', () => {
    expect(run("Emmanuel Macron a appelé Poutine ; l'OTAN, la Russie et les Etats-Unis, l’Allemagne.")).toEqual([
      ['Emmanuel Macron', 'emmanuel-macron'], ['Poutine', 'vladimir-putin'], ['OTAN', 'nato'], ['Russie', 'russia'],
      ['Etats-Unis', 'united-states'], ['Allemagne', 'germany'],
    ]);
    expect(run('Serguéi Lavrov dijo que Rusia y Ucrania, EE.UU. y la OTAN.')).toEqual([
      ['Serguéi Lavrov', 'sergei-lavrov'], ['Rusia', 'russia'], ['Ucrania', 'ukraine'], ['EE.UU.', 'united-states'], ['OTAN', 'nato'],
    ]);
    expect(run('Großbritannien, Grossbritannien und Weißrussland; die Otan-Ukraine-Kommission.')).toEqual([
      ['Großbritannien', 'united-kingdom'], ['Grossbritannien', 'united-kingdom'], ['Weißrussland', 'belarus'], ['Otan', 'nato'],
      ['Ukraine', 'ukraine'],
    ]);
  });

  it('keeps the case rule in every script', () => {
    expect(run('la poutine québécoise, otan, путин и кремль')).toEqual([]);
  });
});

describe('the genitive is not for unsafe names', () => {
  it('leaves "Bidens" in a Title Case headline alone on a page about Joe Biden', () => {
    expect(run('Joe Biden spoke.', 'Volker to Testify He Was Unaware of Effort to Investigate Bidens, Withhold Military Aid')).toEqual([
      ['Joe Biden', 'joe-biden'],
    ]);
  });
});
