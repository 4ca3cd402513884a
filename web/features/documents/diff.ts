import type { TextLine } from './content.ts';

// A word-level comparison of two versions of a section, pure and without dependencies: the longest
// common subsequence of their words (and the spaces between), so that a reader sees which words
// went (<del>) and which came (<ins>). Line breaks are tokens too, so each side keeps its own lines.

export type DiffKind = 'same' | 'insert' | 'delete';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Beyond this many token pairs the middle is shown as wholly replaced rather than searched. */
const MAX_CELLS = 4_000_000;
const BREAK = '\n';

/** Words and the whitespace between them, in order; joined they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

interface Op {
  kind: DiffKind;
  token: string;
}

function diffTokens(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op[] = a.slice(0, start).map((token) => ({ kind: 'same', token }));
  const tail: Op[] = a.slice(endA).map((token) => ({ kind: 'same', token }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const middle: Op[] = [];
  if (n * m > MAX_CELLS) {
    for (const token of midA) middle.push({ kind: 'delete', token });
    for (const token of midB) middle.push({ kind: 'insert', token });
    return [...head, ...middle, ...tail];
  }
  // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        midA[i] === midB[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      middle.push({ kind: 'same', token: midA[i] ?? '' });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      middle.push({ kind: 'delete', token: midA[i] ?? '' });
      i++;
    } else {
      middle.push({ kind: 'insert', token: midB[j] ?? '' });
      j++;
    }
  }
  for (; i < n; i++) middle.push({ kind: 'delete', token: midA[i] ?? '' });
  for (; j < m; j++) middle.push({ kind: 'insert', token: midB[j] ?? '' });
  return [...head, ...middle, ...tail];
}

function pushPart(parts: DiffPart[], kind: DiffKind, text: string): void {
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Two texts word by word: the parts in order, neighbours of one kind merged. */
export function diffWords(from: string, to: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of diffTokens(tokenize(from), tokenize(to))) pushPart(parts, op.kind, op.token);
  return parts;
}

/** One line of one side: where it comes from and its parts (same, and deleted or inserted). */
export interface DiffLine extends Omit<TextLine, 'text'> {
  parts: DiffPart[];
}

export interface SectionDiff {
  /** the older version's lines: same and deleted words */
  from: DiffLine[];
  /** the newer version's lines: same and inserted words */
  to: DiffLine[];
  changed: boolean;
}

function lineTokens(lines: readonly TextLine[]): string[] {
  return lines.flatMap((line) => [...tokenize(line.text), BREAK]);
}

/** Two versions of a section, side by side: each side's own lines, with the changed words marked. */
export function compareLines(from: readonly TextLine[], to: readonly TextLine[]): SectionDiff {
  const ops = diffTokens(lineTokens(from), lineTokens(to));
  const sides = {
    from: { source: from, lines: [] as DiffLine[], parts: [] as DiffPart[] },
    to: { source: to, lines: [] as DiffLine[], parts: [] as DiffPart[] },
  };
  const add = (side: typeof sides.from, op: Op): void => {
    if (op.token !== BREAK) {
      pushPart(side.parts, op.kind, op.token);
      return;
    }
    const line = side.source[side.lines.length];
    if (line) side.lines.push({ kind: line.kind, depth: line.depth, parts: side.parts });
    side.parts = [];
  };
  let changed = false;
  for (const op of ops) {
    if (op.kind !== 'same') changed = true;
    if (op.kind !== 'insert') add(sides.from, op);
    if (op.kind !== 'delete') add(sides.to, op);
  }
  return { from: sides.from.lines, to: sides.to.lines, changed };
}
