import { describe, expect, it } from 'vitest';
import { type Category, childrenOf, pathTo, searchTypes, validPath } from './tree.ts';

// A tree four levels deep under one entry, and a second entry beside it: the report form must not
// assume "area → type" is all there is.
let n = 0;
function node(entryId: string, parentId: string | null, name: string, selectable: boolean): Category {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    entryId,
    parentId,
    key: name.toLowerCase(),
    name: { sv: name, nb: `${name} (nb)`, en: `${name} (en)` },
    help: null,
    selectable,
    patientRelated: false,
    handlingDays: 30,
    companionEntryId: null,
    ladder: [],
  };
}
const org = node('org', null, 'Verksamhet/organisation', false);
const insurance = node('org', org.id, 'Försäkringsmedicin', false);
const certificates = node('org', insurance.id, 'Intyg', false);
const late = node('org', certificates.id, 'Sent intyg', true);
const staffing = node('org', org.id, 'Bemanning', true);
const falls = node('care', null, 'Fall', false);
const fallInjury = node('care', falls.id, 'Fall med skada', true);
const categories = [org, insurance, certificates, late, staffing, falls, fallInjury];
const sv = (c: Category): string => c.name.sv;

describe('the classification tree of the report form', () => {
  it('gives each level its children, in order, within one entry', () => {
    expect(childrenOf(categories, 'org', null)).toEqual([org]);
    expect(childrenOf(categories, 'org', org.id)).toEqual([insurance, staffing]);
    expect(childrenOf(categories, 'care', null)).toEqual([falls]);
  });

  it('walks from a type four levels down back to the top', () => {
    expect(pathTo(categories, late.id).map(sv)).toEqual([
      'Verksamhet/organisation',
      'Försäkringsmedicin',
      'Intyg',
      'Sent intyg',
    ]);
  });

  it('when the reporter searches, finds selectable types by their own name or a name above them, with the path, accents ignored', () => {
    const hits = searchTypes(categories, 'org', 'forsakring', sv);
    expect(hits.map((h) => h.path.map(sv).join(' › '))).toEqual([
      'Verksamhet/organisation › Försäkringsmedicin › Intyg › Sent intyg',
    ]);
    // Own-name matches come first; a type of another entry is never offered.
    expect(searchTypes(categories, 'org', 'bemanning', sv).map((h) => sv(h.category))).toEqual(['Bemanning']);
    expect(searchTypes(categories, 'org', 'fall', sv)).toEqual([]);
    expect(searchTypes(categories, 'org', '  ', sv)).toEqual([]);
  });

  it('searches in the UI language', () => {
    const nb = (c: Category): string => c.name.nb;
    expect(searchTypes(categories, 'care', 'skada (nb)', nb).map((h) => sv(h.category))).toEqual([
      'Fall med skada',
    ]);
  });

  it('keeps a restored path only as far as it still holds in today’s tree', () => {
    expect(validPath(categories, 'org', [org.id, insurance.id, certificates.id, late.id])).toHaveLength(4);
    expect(validPath(categories, 'org', [org.id, falls.id, fallInjury.id])).toEqual([org.id]);
    expect(validPath(categories, 'care', [org.id])).toEqual([]);
  });
});
