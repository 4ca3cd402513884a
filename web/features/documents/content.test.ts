import { describe, expect, it } from 'vitest';
import { type ContentNode, contentNode } from '../../../contracts/documents.ts';
import { type EditorNode, fromEditor, toEditor, toLines } from './content.ts';

const text = (value: string, marks?: string[]): EditorNode =>
  marks
    ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) }
    : { type: 'text', text: value };
const linked = (value: string, href: string): EditorNode => ({
  type: 'text',
  text: value,
  marks: [
    { type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } },
  ],
});
const p = (...content: EditorNode[]): EditorNode => ({ type: 'paragraph', content });
const doc = (...content: EditorNode[]): EditorNode => ({ type: 'doc', content });
const item = (...content: EditorNode[]): EditorNode => ({ type: 'listItem', content });
const bullets = (...items: EditorNode[]): EditorNode => ({ type: 'bulletList', content: items });

/** Every node the converter gives must pass the server's schema. */
function expectValid(nodes: ContentNode[]): void {
  for (const node of nodes) expect(contentNode.safeParse(node).success, JSON.stringify(node)).toBe(true);
}

describe('from the editor to the stored vocabulary (decision 0006)', () => {
  it('keeps paragraphs, headings of levels 2–4, bold and italic, and joins a link into one node', () => {
    const nodes = fromEditor(
      doc(
        { type: 'heading', attrs: { level: 3, id: 'x' }, content: [text('Syfte')] },
        p(
          text('Se '),
          linked('vårdhandboken', 'https://vardhandboken.se'),
          text(' och '),
          text('fetstil', ['bold', 'italic']),
        ),
      ),
    );
    expect(nodes).toEqual([
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Syfte' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Se ' },
          {
            type: 'link',
            href: 'https://vardhandboken.se',
            content: [{ type: 'text', text: 'vårdhandboken' }],
          },
          { type: 'text', text: ' och ' },
          { type: 'text', text: 'fetstil', marks: ['bold', 'italic'] },
        ],
      },
    ]);
    expectValid(nodes);
  });

  it('drops a link with another scheme but keeps its text, and drops marks outside the vocabulary', () => {
    const nodes = fromEditor(
      doc(
        p(
          linked('klicka', 'javascript:alert(1)'),
          text(' stryk', ['strike', 'code', 'bold']),
          linked('x', 'data:text/html,1'),
        ),
      ),
    );
    expect(nodes).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'klicka' },
          { type: 'text', text: ' stryk', marks: ['bold'] },
          { type: 'text', text: 'x' },
        ],
      },
    ]);
  });

  it('clamps heading levels into 2–4 and turns unknown blocks into paragraphs of their text', () => {
    const nodes = fromEditor(
      doc(
        { type: 'heading', attrs: { level: 1 }, content: [text('Ett')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('Sex')] },
        { type: 'blockquote', content: [p(text('Citat'))] },
        { type: 'codeBlock', content: [text('<script>x</script>')] },
        { type: 'horizontalRule' },
        { type: 'image', attrs: { src: 'https://x/y.png' } },
      ),
    );
    expect(nodes).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Ett' }] },
      { type: 'heading', level: 4, content: [{ type: 'text', text: 'Sex' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Citat' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '<script>x</script>' }] },
    ]);
    expectValid(nodes);
  });

  it('keeps lists three levels deep and lifts a fourth level into the item above', () => {
    const deep = bullets(
      item(
        p(text('1')),
        bullets(
          item(p(text('2')), {
            type: 'orderedList',
            attrs: { start: 3 },
            content: [item(p(text('3')), bullets(item(p(text('4')))))],
          }),
        ),
      ),
    );
    const nodes = fromEditor(doc(deep));
    expectValid(nodes);
    const level3 = (nodes[0] as { content: Array<{ content: unknown[] }> }).content[0]?.content[1] as {
      content: Array<{ content: Array<{ content: Array<{ content: unknown[] }> }> }>;
    };
    const third = level3.content[0]?.content[1] as { type: string; content: Array<{ content: unknown[] }> };
    expect(third.type).toBe('orderedList');
    expect(third.content[0]?.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '3' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '4' }] },
    ]);
  });

  it('makes tables of header and data cells holding paragraphs only, without spans or widths', () => {
    const nodes = fromEditor(
      doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableHeader',
                attrs: { colspan: 2, rowspan: 1, colwidth: [100] },
                content: [p(text('Vem'))],
              },
              { type: 'tableHeader', content: [p(text('Vad'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('Chef'))] },
              { type: 'tableCell', content: [bullets(item(p(text('Följer upp'))))] },
            ],
          },
        ],
      }),
    );
    expect(nodes).toEqual([
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                header: true,
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vem' }] }],
              },
              {
                type: 'tableCell',
                header: true,
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vad' }] }],
              },
            ],
          },
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                header: false,
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Chef' }] }],
              },
              {
                type: 'tableCell',
                header: false,
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Följer upp' }] }],
              },
            ],
          },
        ],
      },
    ]);
    expectValid(nodes);
  });

  it('stores an editor holding nothing but empty paragraphs as an empty section', () => {
    expect(fromEditor(doc(p()))).toEqual([]);
    expect(fromEditor(doc({ type: 'paragraph' }, { type: 'paragraph' }))).toEqual([]);
    expect(fromEditor(doc(p(text('a')), { type: 'paragraph' }))).toHaveLength(2);
  });
});

describe('from the stored vocabulary to the editor and back', () => {
  const stored: ContentNode[] = [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Åtgärder' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Läs ', marks: ['italic'] },
        {
          type: 'link',
          href: 'mailto:kvalitet@example.org',
          content: [{ type: 'text', text: 'kvalitet', marks: ['bold'] }],
        },
      ],
    },
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ett' }] }] },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Två' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Två a' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', header: false, content: [] }] }],
    },
  ];

  it('gives the same content back after a round trip (an empty cell gets its paragraph)', () => {
    const back = fromEditor(toEditor(stored));
    expectValid(back);
    const expected = structuredClone(stored);
    const table = expected[3] as Extract<ContentNode, { type: 'table' }>;
    const cell = table.content[0]?.content[0];
    if (cell) cell.content = [{ type: 'paragraph', content: [] }];
    expect(back).toEqual(expected);
  });

  it('gives the editor an empty paragraph for an empty section, and a paragraph first in every list item', () => {
    expect(toEditor([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    const editor = toEditor([
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'heading', level: 3, content: [] }] }],
      },
    ]);
    expect(editor.content?.[0]?.content?.[0]?.content?.map((n) => n.type)).toEqual(['paragraph', 'heading']);
  });

  it('reads a section as lines of plain text for comparison', () => {
    expect(toLines(stored)).toEqual([
      { kind: 'heading', depth: 0, text: 'Åtgärder' },
      { kind: 'paragraph', depth: 0, text: 'Läs kvalitet' },
      { kind: 'listItem', depth: 1, text: 'Ett' },
      { kind: 'listItem', depth: 1, text: 'Två' },
      { kind: 'listItem', depth: 2, text: 'Två a' },
      { kind: 'tableRow', depth: 0, text: '' },
    ]);
  });
});
