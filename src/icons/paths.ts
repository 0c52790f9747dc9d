/**
 * The icon's sizes and file names, shared by the build (which makes the PNGs from
 * assets/icon.svg) and the background (which switches a tab's toolbar icon). The "on" names are
 * the ones `@wxt-dev/auto-icons` writes; the "off" set is the same drawing in grey.
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export type IconState = 'on' | 'off';

/** Extension-relative paths by size, as `icons` and `action.setIcon({ path })` take them. */
export function iconPaths(state: IconState): Record<number, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [size, state === 'on' ? `icons/${size}.png` : `icons/off-${size}.png`]));
}
