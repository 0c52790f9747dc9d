/**
 * Names in the page's own language (docs/matching.md, "Names in other languages"): French,
 * German and Russian pages, with their case forms, genitives and compounds, and the words that
 * look like a name and are not (a dish, another Putin, an adjective).
 */
import { allHighlighted, expect, test } from '../support/extension-test';

const PAGES: [language: string, path: string, expected: string[]][] = [
  ['French', '/tests/fixtures/pages/names-fr.html', [
    'Ukraine', 'Emmanuel Macron', 'Vladimir Poutine', 'Élysée', 'Poutine', 'OTAN', 'Russie', 'États-Unis', 'Royaume-Uni',
  ]],
  ['German', '/tests/fixtures/pages/names-de.html', [
    'Ukraine', 'Wladimir Putin', 'Emmanuel Macron', 'Kreml', 'Putins', 'Russland', 'Nato', 'Kremls', 'Putin', 'Kreml',
  ]],
  ['Russian', '/tests/fixtures/pages/names-ru.html', [
    'Украина', 'Владимир Путин', 'Эммануэль Макрон', 'Кремле', 'Путина', 'НАТО', 'России', 'Сергей Лавров', 'США', 'Зеленского', 'Украина',
  ]],
];

for (const [language, path, expected] of PAGES) {
  test(`${language} names are highlighted on a ${language} page`, async ({ openPage }) => {
    const page = await openPage(path, expected.length);
    // Let the scan settle: nothing more than the expected names may come.
    await page.waitForTimeout(300);
    expect((await allHighlighted(page)).sort()).toEqual([...expected].sort());
  });
}
