import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('starts with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.LOOPEN_DATA_DIR).toBe('./data');
    expect(config.LOOPEN_DEMO).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('turns the demo off with LOOPEN_DEMO=0', () => {
    expect(loadConfig({ LOOPEN_DEMO: '0' }).LOOPEN_DEMO).toBe(false);
  });

  it('refuses a wrong value with a message that names the variable and the value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT="99999"');
      expect(message).toContain('DATABASE_URL="mysql://x"');
      expect(message).toContain('postgres://');
    }
  });
});
