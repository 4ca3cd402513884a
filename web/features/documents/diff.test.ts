import { describe, expect, it } from 'vitest';
import type { TextLine } from './content.ts';
import { compareLines, diffWords, tokenize } from './diff.ts';

const line = (text: string, kind: TextLine['kind'] = 'paragraph', depth = 0): TextLine => ({
  kind,
  depth,
  text,
});
const join = (parts: Array<{ text: string }>): string => parts.map((p) => p.text).join('');

describe('the word-level diff', () => {
  it('splits words and spaces so that joining them gives the text back', () => {
    expect(tokenize('  Två  ord\n')).toEqual(['  ', 'Två', '  ', 'ord', '\n']);
    expect(tokenize('').join('')).toBe('');
  });

  it('marks the words that went and the words that came', () => {
    expect(
      diffWords(
        'Rutinen gäller alla på avdelning 12',
        'Rutinen gäller sjuksköterskor på avdelning 12 och 14',
      ),
    ).toEqual([
      { kind: 'same', text: 'Rutinen gäller ' },
      { kind: 'delete', text: 'alla' },
      { kind: 'insert', text: 'sjuksköterskor' },
      { kind: 'same', text: ' på avdelning 12' },
      { kind: 'insert', text: ' och 14' },
    ]);
  });

  it('finds nothing changed in equal texts, and everything changed between disjoint ones', () => {
    expect(diffWords('a b c', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }]);
    expect(diffWords('', 'ny text')).toEqual([{ kind: 'insert', text: 'ny text' }]);
    expect(diffWords('gammal', '')).toEqual([{ kind: 'delete', text: 'gammal' }]);
  });

  it('always gives back both texts: the old from same and deleted parts, the new from same and inserted', () => {
    const cases: Array<[string, string]> = [
      ['a b c d e', 'a x c y e z'],
      ['one two three', 'three two one'],
      ['Bakgrund: fall diskuteras', 'Bakgrund:  nya fall  diskuteras varje vecka'],
    ];
    for (const [from, to] of cases) {
      const parts = diffWords(from, to);
      expect(join(parts.filter((p) => p.kind !== 'insert'))).toBe(from);
      expect(join(parts.filter((p) => p.kind !== 'delete'))).toBe(to);
    }
  });
});

describe('two versions of a section side by side', () => {
  it('keeps each side in its own lines and says whether anything changed', () => {
    const diff = compareLines(
      [line('Syfte'), line('Ett', 'listItem', 1), line('Två', 'listItem', 1)],
      [
        line('Syfte'),
        line('Ett', 'listItem', 1),
        line('Två och tre', 'listItem', 1),
        line('Fyra', 'listItem', 1),
      ],
    );
    expect(diff.changed).toBe(true);
    expect(diff.from.map((l) => join(l.parts))).toEqual(['Syfte', 'Ett', 'Två']);
    expect(diff.to.map((l) => join(l.parts))).toEqual(['Syfte', 'Ett', 'Två och tre', 'Fyra']);
    expect(diff.to[2]?.parts).toEqual([
      { kind: 'same', text: 'Två' },
      { kind: 'insert', text: ' och tre' },
    ]);
    expect(diff.to[3]).toEqual({ kind: 'listItem', depth: 1, parts: [{ kind: 'insert', text: 'Fyra' }] });
    expect(diff.from.every((l) => l.parts.every((p) => p.kind !== 'insert'))).toBe(true);
  });

  it('shows a section that is new as all inserted and one that went as all deleted', () => {
    const added = compareLines([], [line('Ny text')]);
    expect(added).toEqual({
      from: [],
      to: [{ kind: 'paragraph', depth: 0, parts: [{ kind: 'insert', text: 'Ny text' }] }],
      changed: true,
    });
    const removed = compareLines([line('Gammal')], []);
    expect(removed.from[0]?.parts).toEqual([{ kind: 'delete', text: 'Gammal' }]);
    expect(removed.to).toEqual([]);
    expect(compareLines([line('Lika')], [line('Lika')]).changed).toBe(false);
  });
});
