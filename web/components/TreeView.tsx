import { type KeyboardEvent, type ReactElement, useEffect, useMemo, useRef, useState } from 'react';

/** One node of a tree as shown: its name is also what a typed letter jumps by. */
export interface TreeViewNode {
  id: string;
  label: string;
  active: boolean;
  children: TreeViewNode[];
}

interface VisibleNode {
  node: TreeViewNode;
  parentId: string | undefined;
}

/** The nodes a person can see, in reading order, given which are expanded. */
function visibleNodes(roots: readonly TreeViewNode[], expanded: ReadonlySet<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (list: readonly TreeViewNode[], parentId: string | undefined): void => {
    for (const node of list) {
      out.push({ node, parentId });
      if (node.children.length > 0 && expanded.has(node.id)) walk(node.children, node.id);
    }
  };
  walk(roots, undefined);
  return out;
}

interface TreeViewProps {
  roots: readonly TreeViewNode[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** the ids above the selected node: they open, so the selection is always in view */
  selectedAncestors: readonly string[];
  labelledBy: string;
  /** prefix of each label's element id (one tree per page uses each prefix) */
  idPrefix: string;
  /** said after the name of an inactive node, in brackets */
  inactiveText: string;
}

/**
 * The WAI-ARIA tree view pattern: one tab stop; Up/Down move, Right/Left open, close and go to child
 * or parent; Home/End; Enter or Space selects; a letter jumps to the next name starting with it.
 * The roots start open.
 */
export function TreeView(props: TreeViewProps): ReactElement {
  const { roots, selectedId, onSelect, selectedAncestors } = props;
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((r) => r.id)));
  const [focusedId, setFocusedId] = useState<string | undefined>(selectedId);
  const items = useRef(new Map<string, HTMLDivElement>());
  const moveFocus = useRef(false);

  useEffect(() => {
    setExpanded((current) => {
      const missing = selectedAncestors.filter((id) => !current.has(id));
      return missing.length === 0 ? current : new Set([...current, ...missing]);
    });
  }, [selectedAncestors]);

  const visible = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const focusTarget =
    focusedId && visible.some((v) => v.node.id === focusedId)
      ? focusedId
      : (selectedId ?? visible[0]?.node.id);

  useEffect(() => {
    if (!moveFocus.current || !focusTarget) return;
    moveFocus.current = false;
    items.current.get(focusTarget)?.focus();
  }, [focusTarget]);

  function focus(id: string | undefined): void {
    if (!id) return;
    moveFocus.current = true;
    setFocusedId(id);
    items.current.get(id)?.focus();
  }

  function toggle(id: string, open?: boolean): void {
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = visible.findIndex((v) => v.node.id === focusTarget);
    const current = visible[index];
    if (!current) return;
    const { node } = current;
    const isOpen = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.node.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.node.id);
        break;
      case 'ArrowRight':
        if (node.children.length > 0 && !isOpen) toggle(node.id, true);
        else if (isOpen) focus(node.children[0]?.id);
        break;
      case 'ArrowLeft':
        if (node.children.length > 0 && isOpen) toggle(node.id, false);
        else focus(current.parentId);
        break;
      case 'Home':
        focus(visible[0]?.node.id);
        break;
      case 'End':
        focus(visible.at(-1)?.node.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.id);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const letter = event.key.toLocaleLowerCase();
          const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
          focus(order.find((v) => v.node.label.toLocaleLowerCase().startsWith(letter))?.node.id);
        } else {
          handled = false;
        }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function renderNode(node: TreeViewNode, level: number, index: number, siblings: number): ReactElement {
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(node.id);
    const labelId = `${props.idPrefix}-${node.id}`;
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled once, on the tree (roving focus)
      <div
        key={node.id}
        ref={(element) => {
          if (element) items.current.set(node.id, element);
          else items.current.delete(node.id);
        }}
        role="treeitem"
        className="tree__item"
        aria-labelledby={labelId}
        aria-level={level}
        aria-setsize={siblings}
        aria-posinset={index + 1}
        aria-expanded={hasChildren ? isOpen : undefined}
        aria-selected={node.id === selectedId}
        tabIndex={node.id === focusTarget ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusedId(node.id);
        }}
        onClick={(event) => {
          // Nested items sit inside their parent: only the innermost one acts on a click.
          event.stopPropagation();
          const onToggle = event.target instanceof Element && event.target.closest('.tree__toggle');
          if (onToggle && hasChildren) {
            toggle(node.id);
            focus(node.id);
            return;
          }
          focus(node.id);
          onSelect(node.id);
        }}
      >
        <div className="tree__row" data-selected={node.id === selectedId || undefined}>
          <span
            className="tree__toggle"
            aria-hidden="true"
            data-open={isOpen || undefined}
            data-leaf={!hasChildren || undefined}
          />
          <span id={labelId} className="tree__label">
            {node.label}
            {node.active ? null : <span className="tree__inactive"> ({props.inactiveText})</span>}
          </span>
        </div>
        {isOpen ? (
          // biome-ignore lint/a11y/useSemanticElements: the ARIA tree pattern's group, not a form fieldset
          <div role="group" className="tree__group">
            {node.children.map((child, i) => renderNode(child, level + 1, i, node.children.length))}
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div role="tree" aria-labelledby={props.labelledBy} className="tree" onKeyDown={onKeyDown}>
      {roots.map((node, i) => renderNode(node, 1, i, roots.length))}
    </div>
  );
}
