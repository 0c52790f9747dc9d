/**
 * Checks on the store packages that `npm run zip` made (run it first): versions, icons, what is
 * in each archive and what must never be, and Firefox's linter on the very files of the package.
 * node's test runner, so CI reads its TAP report like the Firefox suite's.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import sharp from 'sharp';
import { ENGINE_FILES } from '../../src/background/frame-target';
import { ICON_SIZES, iconPaths } from '../../src/icons/paths';
import { packagePaths, packageVersion } from './packages';

type Manifest = {
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { js?: string[]; css?: string[]; all_frames?: boolean }[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
};

const version = packageVersion();
const paths = packagePaths(version);
const zips: Partial<Record<keyof typeof paths, JSZip>> = {};

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function manifestOf(zip: JSZip): Promise<Manifest> {
  return JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
}

before(async () => {
  for (const [kind, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
    assert.ok(existsSync(path), `${path} is missing: run npm run zip first`);
    zips[kind] = await JSZip.loadAsync(await readFile(path));
  }
});

for (const kind of ['chrome', 'firefox'] as const) {
  describe(`the ${kind} package`, () => {
    it('carries the version of package.json', async () => {
      assert.equal((await manifestOf(zips[kind]!)).version, version);
    });

    it('has every icon its manifest names, at the size it claims', async () => {
      const m = await manifestOf(zips[kind]!);
      const action = kind === 'chrome' ? m.action : m.browser_action;
      assert.deepEqual(Object.keys(m.icons ?? {}).map(Number), [...ICON_SIZES], 'icons: every size');
      assert.deepEqual(Object.keys(action?.default_icon ?? {}).map(Number), [...ICON_SIZES], 'toolbar icon: every size');
      // The grey set is named by the background (action.setIcon), not the manifest: check it too.
      const off = Object.entries(iconPaths('off'));
      for (const [size, file] of [...Object.entries(m.icons ?? {}), ...Object.entries(action!.default_icon!), ...off]) {
        const entry = zips[kind]!.file(file.replace(/^\//, ''));
        assert.ok(entry, `${file} is named but not in the package`);
        assert.deepEqual(pngSize(await entry.async('uint8array')), { width: Number(size), height: Number(size) }, file);
      }
    });

    it('holds no source maps, tests, sources or development files', () => {
      const names = Object.keys(zips[kind]!.files);
      const bad = names.filter((n) => /\.map$|\.tsx?$|(^|\/)(tests?|node_modules|\.wxt|\.output)\/|\.(test|spec)\.|(^|\/)\.[^/]+$/.test(n));
      assert.deepEqual(bad, []);
    });

    it('has no script that points at a source map', async () => {
      for (const name of Object.keys(zips[kind]!.files).filter((n) => n.endsWith('.js'))) {
        assert.doesNotMatch(await zips[kind]!.file(name)!.async('string'), /sourceMappingURL/, name);
      }
    });
  });
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('the icon', () => {
  // Chrome's light and dark toolbars. A pixel "reads" where it has 3:1 contrast with the toolbar
  // (WCAG's bar for graphics); on each toolbar a good share of the mark must read: the blue (or
  // grey) body on light, the body and its white rim and lines on dark.
  const toolbars = { light: [255, 255, 255], dark: [0x20, 0x21, 0x24] } as const;
  for (const state of ['on', 'off'] as const) {
    it(`is legible on light and dark toolbars (${state}, 16 and 32 px)`, async () => {
      for (const size of [16, 32]) {
        const file = iconPaths(state)[size]!;
        const { data } = await sharp(await zips.chrome!.file(file)!.async('nodebuffer')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        for (const [name, bg] of Object.entries(toolbars)) {
          const lb = luminance(bg[0], bg[1], bg[2]);
          let opaque = 0, reads = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3]! < 128) continue;
            opaque++;
            const l = luminance(data[i]!, data[i + 1]!, data[i + 2]!);
            if ((Math.max(l, lb) + 0.05) / (Math.min(l, lb) + 0.05) >= 3) reads++;
          }
          assert.ok(reads / opaque >= 0.4, `${file} on a ${name} toolbar: ${((100 * reads) / opaque).toFixed(0)}% of the mark reads`);
        }
      }
    });
  }
});

describe('the Chrome package', () => {
  // Every frame of every page, ads included, loads the all-frames scripts: they stay small (the
  // API keeper and the frame probe); the engine comes only to the top and same-origin frames.
  it('loads at most 8 KB of script in every frame, and the engine the background injects is in it', async () => {
    const scripts = (await manifestOf(zips.chrome!)).content_scripts ?? [];
    let bytes = 0;
    for (const name of scripts.filter((c) => c.all_frames).flatMap((c) => c.js ?? [])) bytes += (await zips.chrome!.file(name)!.async('uint8array')).length;
    assert.ok(bytes > 0 && bytes <= 8 * 1024, `all-frames scripts: ${bytes} bytes`);
    const engine = scripts.filter((c) => !c.all_frames);
    assert.deepEqual(engine.map((c) => [c.js, c.css]), [[[ENGINE_FILES.js.slice(1)], [ENGINE_FILES.css.slice(1)]]]);
  });
});

describe('the Firefox package', () => {
  it('has a UUID add-on id of the project and declares that it collects no data', async () => {
    const gecko = (await manifestOf(zips.firefox!)).browser_specific_settings?.gecko;
    assert.match(gecko?.id ?? '', /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    assert.deepEqual(gecko?.data_collection_permissions, { required: ['none'] });
  });

  it('passes web-ext lint with no error and no warning, as unpacked from the package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newslens-firefox-'));
    try {
      for (const [name, entry] of Object.entries(zips.firefox!.files)) {
        if (entry.dir) continue;
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), await entry.async('uint8array'));
      }
      const r = spawnSync('npx', ['web-ext', 'lint', '-s', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
      const report = JSON.parse(r.stdout) as { summary: { errors: number; warnings: number }; warnings: { code: string; file?: string }[] };
      assert.deepEqual(report.summary.errors, 0);
      assert.deepEqual(report.warnings.map((w) => `${w.code} ${w.file ?? ''}`), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the sources archive', () => {
  it('holds what the build needs and none of the tests, outputs or dependencies', () => {
    const names = Object.keys(zips.sources!.files);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'assets/icon.svg', 'docs/release.md']) {
      assert.ok(names.includes(needed), `${needed} is missing`);
    }
    assert.ok(names.some((n) => n.startsWith('src/')) && names.some((n) => n.startsWith('entrypoints/')));
    assert.deepEqual(names.filter((n) => /^(tests|node_modules|\.output|\.wxt|store|demo)\/|\.map$|\.(test|spec)\.tsx?$/.test(n)), []);
  });
});

describe('the listing', () => {
  it('explains every permission the manifest asks for', async () => {
    const text = await readFile('store/permissions.md', 'utf8');
    for (const kind of ['chrome', 'firefox'] as const) {
      const m = await manifestOf(zips[kind]!);
      // Host patterns are named in the "Host access" heading; every other permission has its own.
      const hostAccess = /^## Host access\b.*$/m.exec(text)?.[0] ?? '';
      for (const p of [...(m.permissions ?? []), ...(m.host_permissions ?? [])]) {
        if (p.includes('://')) assert.ok(hostAccess.includes(`\`${p}\``), `${p} is named in the "Host access" heading`);
        else assert.match(text, new RegExp(`^## \`${p}\`$`, 'm'), p);
      }
    }
  });
});
