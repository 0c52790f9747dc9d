/**
 * Another person of the same surname (docs/matching.md; src/matching/own-names.ts and
 * `ContextJudge.otherGivenName`), on the bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { bundledPage as run } from './test-fixtures';

describe('another person of the same surname', () => {
  it('does not take a surname after another given name for the actor', () => {
    expect(run(
      'Vladimir Putin, Joe Biden, Boris Johnson and Oleksii Reznikov met.',
      'The report named Lyudmila Putin and the actress Dakota Johnson.',
      'Yulia Reznikov spoke to reporters about his son Hunter Biden on the phone.',
      'Lyudmila Putin said nothing.',
      'Бывшая жена президента, Людмила Путина, промолчала.',
    )).toEqual([
      ['Vladimir Putin', 'vladimir-putin'], ['Joe Biden', 'joe-biden'], ['Boris Johnson', 'boris-johnson'], ['Oleksii Reznikov', 'oleksii-reznikov'],
    ]);
  });

  it('keeps the surname after a title, the own given name, a sentence opener or a lower-case word', () => {
    expect(run(
      'Joe Biden and Vladimir Putin.',
      'President Putin met Mr Biden. The Kremlin said Putin would come. Putin said no.',
      'But Putin said. Yesterday Putin left. On Monday Putin spoke. Russia’s Vladimir Putin.',
      'Kremlchef Putin und Machthaber Putin. Doch Putin schwieg. Mais Poutine a dit non.',
    ).map(([text]) => text)).toEqual([
      'Joe Biden', 'Vladimir Putin',
      'Putin', 'Biden', 'Kremlin', 'Putin', 'Putin',
      'Putin', 'Putin', 'Putin', 'Russia', 'Vladimir Putin',
      'Putin', 'Putin', 'Putin', 'Poutine',
    ]);
  });

  it('still does not apply where every word is capitalised (a Title Case headline)', () => {
    expect(run('Lyudmila Putin Speaks Out About Her Former Husband')).toEqual([['Putin', 'vladimir-putin']]);
  });
});
