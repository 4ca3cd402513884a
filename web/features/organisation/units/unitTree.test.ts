import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../contracts/organisation.ts';
import { buildTree, unitOptions, unitPathLabels, visibleNodes } from './unitTree.ts';

const org = '00000000-0000-4000-8000-000000000001';
function unit(id: string, name: string, parentId: string | null, ancestorIds: string[]): Unit {
  return {
    id,
    organisationId: org,
    parentId,
    name,
    externalId: null,
    active: true,
    ancestorIds,
    allowedActions: [],
  };
}

// Region ─┬─ Sjukhus ── Ortopeden
//         └─ Primärvården
const units = [
  unit('o', 'Ortopeden', 's', ['r', 's', 'o']),
  unit('p', 'Primärvården', 'r', ['r', 'p']),
  unit('r', 'Region', null, ['r']),
  unit('s', 'Sjukhus', 'r', ['r', 's']),
];

describe('the unit tree', () => {
  it('is built from the flat list, children sorted by name, with levels', () => {
    const roots = buildTree(units);
    expect(roots.map((n) => n.unit.name)).toEqual(['Region']);
    expect(roots[0]?.children.map((n) => [n.unit.name, n.level])).toEqual([
      ['Primärvården', 2],
      ['Sjukhus', 2],
    ]);
    expect(roots[0]?.children[1]?.children[0]?.level).toBe(3);
  });

  it('shows only what is expanded, in reading order', () => {
    const roots = buildTree(units);
    expect(visibleNodes(roots, new Set()).map((n) => n.unit.id)).toEqual(['r']);
    expect(visibleNodes(roots, new Set(['r'])).map((n) => n.unit.id)).toEqual(['r', 'p', 's']);
    expect(visibleNodes(roots, new Set(['r', 's'])).map((n) => n.unit.id)).toEqual(['r', 'p', 's', 'o']);
  });

  it('makes a unit whose parent is missing a root rather than losing it', () => {
    const roots = buildTree(units.filter((u) => u.id !== 's'));
    expect(roots.map((n) => n.unit.id).sort()).toEqual(['o', 'r']);
  });

  it('labels each unit with its path, for choosing one in a list', () => {
    expect(unitPathLabels(units).get('o')).toBe('Region › Sjukhus › Ortopeden');
    expect(unitOptions(units, (u) => u.id !== 'r').map((o) => o.label)).toEqual([
      'Region › Primärvården',
      'Region › Sjukhus',
      'Region › Sjukhus › Ortopeden',
    ]);
  });
});
