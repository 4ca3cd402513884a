import { Outlet } from '@tanstack/react-router';
import type { ReactElement } from 'react';

let pagesShown = 0;

/**
 * Counts page views in this document. From the second on, a new page moves focus to its heading, so a
 * screen reader announces where a link led; the first page keeps the browser's own focus start.
 */
export function notePageShown(): boolean {
  pagesShown += 1;
  return pagesShown > 1;
}

export function RootShell(): ReactElement {
  return <Outlet />;
}
