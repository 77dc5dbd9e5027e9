import { resolve } from 'node:path';
import type { z } from 'zod';
import { type SettingName, settings } from './settings.js';

/** The validated, frozen configuration every command receives. */
export type Config = Readonly<{
  [Name in SettingName]: z.output<(typeof settings)[Name]['schema']>;
}>;

/** A setting that failed validation; the message names the flag and the environment variable. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  readonly setting: SettingName;

  constructor(setting: SettingName, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

/**
 * Reads every setting once: an explicit flag beats the environment, which beats the default. Only the
 * composition root calls this; libraries receive the result.
 */
export function loadConfig({
  env,
  flags,
}: {
  env: Readonly<Record<string, string | undefined>>;
  flags: Readonly<Partial<Record<SettingName, string | undefined>>>;
}): Config {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(settings) as SettingName[]) {
    const setting = settings[name];
    const fromFlag = flags[name];
    const fromEnv = env[setting.env] === '' ? undefined : env[setting.env];
    const raw = fromFlag ?? fromEnv ?? setting.default;
    const parsed = (setting.schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      const source = fromFlag !== undefined ? setting.flag : setting.env;
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      throw new ConfigError(
        name,
        `invalid ${source} (${setting.flag} / ${setting.env}): ${reason}, got ${JSON.stringify(raw)}`,
      );
    }
    values[name] = parsed.data;
  }
  values.dataDirectory = resolve(values.dataDirectory as string);
  return Object.freeze(values) as Config;
}
