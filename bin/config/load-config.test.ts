import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({ env: {}, flags: {} });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, seedScale: 1, logLevel: 'info' });
    expect(config.dataDirectory).toMatch(/\.hale$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets an explicit flag beat the environment', () => {
    const config = loadConfig({ env: { HALE_PORT: '4000', HALE_HOST: '0.0.0.0' }, flags: { port: '5000' } });
    expect(config.port).toBe(5000);
    expect(config.host).toBe('0.0.0.0');
  });

  it('names the flag and the variable of an invalid setting', () => {
    expect(() => loadConfig({ env: { HALE_PORT: 'eighty' }, flags: {} })).toThrow(
      /invalid HALE_PORT \(--port \/ HALE_PORT\): expected an integer between 0 and 65535, got "eighty"/,
    );
    expect(() => loadConfig({ env: {}, flags: { databaseUrl: 'mysql://x' } })).toThrow(/--database-url/);
  });

  it('treats an empty environment variable as unset', () => {
    expect(loadConfig({ env: { DATABASE_URL: '' }, flags: {} }).databaseUrl).toBeUndefined();
  });
});
