import { describe, expect, it } from 'vitest';
import { planUnitTree } from './unit-tree-plan.ts';

describe('planning the unit tree of an import', () => {
  it('places a chain whose parents come later in the file, under a stored root', () => {
    const planned = new Map([
      ['ward', { parentId: 'clinic' }],
      ['clinic', { parentId: 'root' }],
    ]);
    const { finalPaths, onCycle } = planUnitTree(planned, ['/root/']);
    expect(finalPaths.get('clinic')).toBe('/root/clinic/');
    expect(finalPaths.get('ward')).toBe('/root/clinic/ward/');
    expect(onCycle.size).toBe(0);
  });

  it('follows stored units the file does not name, including ones below a unit the file moves', () => {
    // Stored: /root/a/b/c/. The file moves a under x and hangs n under c.
    const planned = new Map([
      ['a', { parentId: 'x' }],
      ['x', { parentId: 'root' }],
      ['n', { parentId: 'c' }],
    ]);
    const { finalPaths } = planUnitTree(planned, ['/root/a/b/c/']);
    expect(finalPaths.get('n')).toBe('/root/x/a/b/c/n/');
  });

  it('finds loops in the file, and loops through stored descendants, without flagging what merely hangs below', () => {
    const inFile = new Map([
      ['x', { parentId: 'y' }],
      ['y', { parentId: 'x' }],
      ['below', { parentId: 'x' }],
    ]);
    const loop = planUnitTree(inFile, []);
    expect([...loop.onCycle].sort()).toEqual(['x', 'y']);
    expect(loop.finalPaths.has('below')).toBe(false);

    // Stored /r/a/b/: putting a under b closes a loop through the stored link b → a.
    const throughStored = planUnitTree(new Map([['a', { parentId: 'b' }]]), ['/r/a/b/']);
    expect([...throughStored.onCycle].sort()).toEqual(['a', 'b']);
  });

  it('walks a very long chain without running out of stack', () => {
    const planned = new Map<string, { parentId: string | null }>();
    for (let i = 0; i < 50_000; i++) planned.set(`u${i}`, { parentId: i === 0 ? null : `u${i - 1}` });
    const { finalPaths } = planUnitTree(planned, []);
    expect(finalPaths.get('u49999')?.split('/').length).toBe(50_002);
  });
});
