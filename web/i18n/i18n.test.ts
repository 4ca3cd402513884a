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

/** The main catalogue of a language with its feature parts (parts/<feature>.<lang>.json) merged in. */
function withParts(lang: 'sv' | 'nb' | 'en', main: Tree): Map<string, string> {
  const all = flatten(main);
  const partsDir = join(import.meta.dirname, 'parts');
  for (const name of readdirSync(partsDir).filter((n) => n.endsWith(`.${lang}.json`))) {
    const part = JSON.parse(readFileSync(join(partsDir, name), 'utf8')) as Tree;
    for (const top of Object.keys(part)) {
      if ([...all.keys()].some((k) => k === top || k.startsWith(`${top}.`)))
        throw new Error(`web/i18n/parts/${name}: top-level key '${top}' is already used`);
    }
    for (const [k, v] of flatten(part)) all.set(k, v);
  }
  return all;
}

const catalogs = { sv: withParts('sv', sv), nb: withParts('nb', nb), en: withParts('en', en) };
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
