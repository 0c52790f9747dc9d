/**
 * The settings as zod schemas, for the options page (the settings file it imports,
 * ./settings-file.ts). Not for the content script, which reads settings with the guards of
 * ./policy.ts (no zod on web pages: src/messaging/guards.ts); tests/unit/guards.test.ts holds
 * both to the same answers, and the types here are checked against policy.ts's at compile time.
 */
import { z } from 'zod/mini';
import { MODES, SETTINGS_VERSION, SITE_CHOICES, type Settings as SettingsType } from './policy';

z.config({ jitless: true });

export const Mode = z.enum(MODES);

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  mode: Mode,
  paused: z.boolean(),
});

export const SiteChoice = z.enum(SITE_CHOICES);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: Same<z.output<typeof Settings>, SettingsType> = true;
void sameTypes;
