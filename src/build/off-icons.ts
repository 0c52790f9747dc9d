/**
 * Build step (Node): the grey "off" icon set, drawn from the same SVG as the normal set, for a tab
 * whose site is switched off or paused. Grey keeps the white rim, so it stays legible on dark
 * toolbars, and differs from the normal icon by colour alone, never by shape.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { Wxt } from 'wxt';
import { ICON_SIZES, iconPaths } from '../icons/paths';

export async function writeOffIcons(wxt: Wxt, svg: string, publicAssets: { type: 'asset'; fileName: string }[]): Promise<void> {
  await mkdir(resolve(wxt.config.outDir, 'icons'), { recursive: true });
  const paths = iconPaths('off');
  for (const size of ICON_SIZES) {
    const fileName = paths[size]!;
    await sharp(svg).resize(size).grayscale().png().toFile(resolve(wxt.config.outDir, fileName));
    publicAssets.push({ type: 'asset', fileName });
  }
}
