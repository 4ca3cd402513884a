import { describe, expect, it } from 'vitest';
import type { DocumentVersion } from '../../../contracts/documents.ts';
import { compareVersions } from './compare.ts';

type Compared = Pick<DocumentVersion, 'sections' | 'sectionTitles'>;

const ids = {
  background: '11111111-1111-4111-8111-111111111111',
  purpose: '22222222-2222-4222-8222-222222222222',
  actions: '33333333-3333-4333-8333-333333333333',
  followUp: '44444444-4444-4444-8444-444444444444',
};
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function version(sections: Array<[id: string, title: string, text: string]>): Compared {
  return {
    sections: sections.map(([sectionId, , text]) => ({ sectionId, nodes: [paragraph(text)] })),
    sectionTitles: sections.map(([id, label]) => ({ id, label })),
  };
}

describe('comparing two versions under their own section titles', () => {
  it('when a section was renamed between the versions, then it is shown under the new title with the old one, and counts as a change', () => {
    const v1 = version([
      [ids.background, 'Bakgrund', 'Fall är vanliga.'],
      [ids.purpose, 'Syfte', 'Färre fall.'],
      [ids.actions, 'Åtgärder', 'Bedöm fallrisken.'],
    ]);
    const v2 = version([
      [ids.background, 'Bakgrund och omfattning', 'Fall är vanliga.'],
      [ids.actions, 'Åtgärder vid fallrisk', 'Bedöm fallrisken varje dygn.'],
      [ids.followUp, 'Uppföljning', 'Månadsvis.'],
    ]);
    const sections = compareVersions(v1, v2, 'Utan rubrik');
    expect(sections.map((s) => [s.title, s.renamedFrom, s.change])).toEqual([
      ['Bakgrund och omfattning', 'Bakgrund', 'renamed'],
      ['Syfte', null, 'removed'],
      ['Åtgärder vid fallrisk', 'Åtgärder', 'changed'],
      ['Uppföljning', null, 'added'],
    ]);
    // The renamed section's words are the same: only its title makes it a change.
    expect(sections[0]?.diff.changed).toBe(false);
    expect(sections.filter((s) => s.change !== 'same')).toHaveLength(4);
  });

  it('when the titles and words are the same, then nothing changed; a section without a title of its own gets the neutral one', () => {
    const v1 = version([[ids.background, 'Bakgrund', 'Fall är vanliga.']]);
    const untitled = {
      sections: [...v1.sections, { sectionId: ids.purpose, nodes: [paragraph('Kvar från förr.')] }],
      sectionTitles: v1.sectionTitles,
    };
    const sections = compareVersions(untitled, untitled, 'Utan rubrik');
    expect(sections.map((s) => [s.title, s.renamedFrom, s.change])).toEqual([
      ['Bakgrund', null, 'same'],
      ['Utan rubrik', null, 'same'],
    ]);
  });
});
