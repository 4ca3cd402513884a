import type { ReactElement } from 'react';
import type { Highlight } from '../../../../contracts/document-search.ts';

/**
 * The text around a hit as the server cut it: plain-text pieces, the matching words in <mark>.
 * Rendered as React text nodes, never as markup, so nothing in a document can run here.
 */
export function Highlighted({ pieces }: { pieces: Highlight[] }): ReactElement | null {
  if (pieces.length === 0) return null;
  return (
    <p className="doc-search__hit" data-testid="search-hit">
      {pieces.map((piece, index) =>
        piece.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed, ordered text
          <mark key={index}>{piece.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed, ordered text
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
