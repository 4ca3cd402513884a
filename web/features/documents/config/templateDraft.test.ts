import { describe, expect, it } from 'vitest';
import type { DocumentTemplate } from '../../../../contracts/documents.ts';
import {
  createBody,
  draftOf,
  emptyDraft,
  emptySection,
  moveSection,
  removeSection,
  updateBody,
} from './templateDraft.ts';

const text = (sv: string) => ({ sv, nb: `${sv} (nb)`, en: `${sv} (en)` });
const none = { sv: '', nb: '', en: '' };

const routine: DocumentTemplate = {
  id: '00000000-0000-4000-8000-000000000001',
  name: text('Rutin'),
  label: 'Rutin',
  type: {
    id: '00000000-0000-4000-8000-000000000009',
    label: 'Rutin',
    isKnowledgeSupport: false,
    active: true,
  },
  sections: ['Bakgrund', 'Syfte', 'Åtgärder'].map((title, i) => ({
    id: `00000000-0000-4000-8000-00000000001${i}`,
    title: text(title),
    guidance: i === 0 ? text('Varför rutinen behövs') : none,
    label: title,
    guidanceText: '',
  })),
  active: true,
  updatedAt: '2026-12-01T10:00:00.000Z',
  allowedActions: ['edit'],
};

const titles = (draft: { sections: { title: { sv: string } }[] }) => draft.sections.map((s) => s.title.sv);

describe('a template being edited', () => {
  it('starts from the saved template, and a new one from a single empty section', () => {
    const draft = draftOf(routine);
    expect(titles(draft)).toEqual(['Bakgrund', 'Syfte', 'Åtgärder']);
    expect(draft.sections[0]?.guidance.sv).toBe('Varför rutinen behövs');
    expect(emptyDraft().sections).toHaveLength(1);
    expect(emptyDraft().active).toBe(true);
  });

  it('moves a section up or down one place, and not past either end', () => {
    const { sections } = draftOf(routine);
    expect(titles({ sections: moveSection(sections, 2, -1) })).toEqual(['Bakgrund', 'Åtgärder', 'Syfte']);
    expect(titles({ sections: moveSection(sections, 0, 1) })).toEqual(['Syfte', 'Bakgrund', 'Åtgärder']);
    expect(moveSection(sections, 0, -1)).toBe(sections);
    expect(moveSection(sections, 2, 1)).toBe(sections);
  });

  it('removes a section but never the last one', () => {
    const { sections } = draftOf(routine);
    expect(titles({ sections: removeSection(sections, 1) })).toEqual(['Bakgrund', 'Åtgärder']);
    const one = [emptySection()];
    expect(removeSection(one, 0)).toBe(one);
  });

  it('sends kept sections with their ids and new ones without, in the order shown', () => {
    const draft = draftOf(routine);
    const added = { ...emptySection(), title: text('Uppföljning') };
    const body = updateBody({ ...draft, sections: moveSection([...draft.sections, added], 3, -1) });
    expect(body.sections?.map((s) => [s.id, s.title.sv])).toEqual([
      [routine.sections[0]?.id, 'Bakgrund'],
      [routine.sections[1]?.id, 'Syfte'],
      [undefined, 'Uppföljning'],
      [routine.sections[2]?.id, 'Åtgärder'],
    ]);
    expect(body).not.toHaveProperty('typeId');
    expect(createBody(emptyDraft(), routine.type.id)).toMatchObject({
      typeId: routine.type.id,
      active: true,
    });
    expect(createBody(emptyDraft(), routine.type.id).sections[0]).not.toHaveProperty('id');
  });
});
