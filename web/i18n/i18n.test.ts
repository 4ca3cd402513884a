import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogs = { sv: flatten(sv), nb: flatten(nb), en: flatten(en) };
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('the web texts', () => {
  it('have exactly the same keys in Swedish, Norwegian and English', () => {
    const svKeys = [...catalogs.sv.keys()].sort();
    expect([...catalogs.nb.keys()].sort()).toEqual(svKeys);
    expect([...catalogs.en.keys()].sort()).toEqual(svKeys);
  });

  it('leave no text empty and keep every {{placeholder}} in every language', () => {
    for (const [key, text] of catalogs.sv) {
      for (const lang of ['sv', 'nb', 'en'] as const) {
        const translated = catalogs[lang].get(key) ?? '';
        expect(translated.trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(translated), `${lang}:${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('have every key the code asks for', () => {
    const webDir = join(import.meta.dirname, '..');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(webDir);
    const missing: string[] = [];
    for (const file of files) {
      // Literal keys only: t('nav.home'); keys built at run time (t(`role.${role}`)) are checked by type.
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) {
        const key = match[1] ?? '';
        if (!catalogs.sv.has(key)) missing.push(`${file.slice(webDir.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
