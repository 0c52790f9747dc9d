import { describe, expect, it } from 'vitest';
import { setTabIcon } from './icon-states';
import { ICON_SIZES } from '../icons/paths';

function recorder() {
  const calls: { tabId: number; path: Record<number, string> }[] = [];
  return { calls, api: { setIcon: async (d: { tabId: number; path: Record<number, string> }) => void calls.push(d) } };
}

describe('setTabIcon', () => {
  it('gives a switched-off tab the grey set and a running one the normal set, every size', async () => {
    const { calls, api } = recorder();
    await setTabIcon(7, true, api);
    await setTabIcon(7, false, api);
    expect(calls.map((c) => c.tabId)).toEqual([7, 7]);
    expect(Object.keys(calls[0]!.path).map(Number)).toEqual([...ICON_SIZES]);
    for (const size of ICON_SIZES) {
      expect(calls[0]!.path[size]).toBe(`/icons/off-${size}.png`);
      expect(calls[1]!.path[size]).toBe(`/icons/${size}.png`);
    }
  });

  it('sets the icon again on every report, since a navigation resets it', async () => {
    const { calls, api } = recorder();
    await setTabIcon(3, true, api);
    await setTabIcon(3, true, api);
    expect(calls).toHaveLength(2);
  });

  it('a tab that closed meanwhile is no error', async () => {
    await expect(setTabIcon(1, true, { setIcon: () => Promise.reject(new Error('No tab with id: 1')) })).resolves.toBeUndefined();
  });
});
