import { describe, expect, it } from 'vitest';
import type { ReviewComment, ReviewRound } from '../../../../contracts/document-review.ts';
import { commentGroups, OTHER_SECTIONS } from './groups.ts';

const background = '00000000-0000-4000-8000-0000000000b1';
const purpose = '00000000-0000-4000-8000-0000000000b2';
const actions = '00000000-0000-4000-8000-0000000000b3';
const followUp = '00000000-0000-4000-8000-0000000000b4';
const nurse = { id: '00000000-0000-4000-8000-000000000001', name: 'Hanna Sjöberg' };

function comment(n: number, sectionId: string, body: string): ReviewComment {
  return {
    id: `00000000-0000-4000-8000-00000000c00${n}`,
    sectionId,
    quote: '',
    body,
    author: nurse,
    createdAt: `2026-11-0${n}T09:00:00.000Z`,
    answer: null,
    answeredBy: null,
    answeredAt: null,
  };
}

type Grouped = Pick<ReviewRound, 'sectionTitles' | 'comments'>;
const titlesAndBodies = (round: Grouped) =>
  commentGroups(round, 'Övrigt avsnitt').map((g) => [g.title, g.comments.map((c) => c.body)]);

describe('a round’s comments under its version’s section titles', () => {
  it('when the template has renamed a section since, then the comments stand under the title the round’s version gives it, in that version’s order', () => {
    // Version 1's titles, as the server answers them with the round; the template now says "Bakgrund och omfattning".
    const round: Grouped = {
      sectionTitles: [
        { id: background, label: 'Bakgrund' },
        { id: purpose, label: 'Syfte' },
        { id: actions, label: 'Åtgärder' },
      ],
      comments: [
        comment(1, actions, 'Vem gör riskbedömningen?'),
        comment(2, background, 'Ange källan till siffrorna.'),
        comment(3, actions, 'Hur ofta görs den om?'),
      ],
    };
    expect(titlesAndBodies(round)).toEqual([
      ['Bakgrund', ['Ange källan till siffrorna.']],
      ['Åtgärder', ['Vem gör riskbedömningen?', 'Hur ofta görs den om?']],
    ]);
  });

  it('when comments are on sections the version has no title for, then they are all kept, together last under the other group', () => {
    const round: Grouped = {
      sectionTitles: [{ id: background, label: 'Bakgrund och omfattning' }],
      comments: [
        comment(1, followUp, 'Vem följer upp?'),
        comment(2, background, 'Gäller rutinen även hemsjukvården?'),
        comment(3, actions, 'Vem gör riskbedömningen?'),
      ],
    };
    const groups = commentGroups(round, 'Other section');
    expect(groups.map((g) => [g.id, g.title, g.comments.length])).toEqual([
      [background, 'Bakgrund och omfattning', 1],
      [OTHER_SECTIONS, 'Other section', 2],
    ]);
    expect(groups.flatMap((g) => g.comments)).toHaveLength(round.comments.length);
  });

  it('when a round has no comments, then it has no groups', () => {
    expect(commentGroups({ sectionTitles: [{ id: purpose, label: 'Syfte' }], comments: [] }, 'x')).toEqual(
      [],
    );
  });
});
