import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settings } from '../bin/config/settings.js';

describe('docs/configuration.md', () => {
  const document = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');

  it.each(Object.entries(settings))('documents %s with its flag, variable and default', (_name, setting) => {
    const row = document
      .split('\n')
      .find((line) => line.split('|').some((cell) => cell.trim() === `\`${setting.env}\``));
    expect(row, `no table row for ${setting.env}`).toBeDefined();
    expect(row).toContain(`\`${setting.flag}\``);
    if (setting.default !== undefined) expect(row).toContain(`\`${setting.default}\``);
  });
});
