import { type KeyboardEvent, type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/organisation.ts';
import { buildTree, type TreeNode, visibleNodes } from './unitTree.ts';

interface UnitTreeProps {
  units: readonly Unit[];
  selectedId: string | undefined;
  onSelect: (unitId: string) => void;
  labelledBy: string;
}

/**
 * The WAI-ARIA tree view pattern: one tab stop; arrows move, Right/Left expand, collapse and go to
 * parent or child; Home/End; Enter or Space selects; typing a letter jumps to the next name with it.
 */
export function UnitTree({ units, selectedId, onSelect, labelledBy }: UnitTreeProps): ReactElement {
  const { t } = useTranslation();
  const roots = useMemo(() => buildTree(units), [units]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((r) => r.unit.id)));
  const [focusedId, setFocusedId] = useState<string | undefined>(selectedId);
  const items = useRef(new Map<string, HTMLDivElement>());
  const moveFocus = useRef(false);

  // The selected unit's ancestors open, so the selection is always visible.
  useEffect(() => {
    const selected = selectedId ? byId.get(selectedId) : undefined;
    if (!selected) return;
    setExpanded((current) => {
      const missing = selected.ancestorIds.filter((id) => id !== selected.id && !current.has(id));
      return missing.length === 0 ? current : new Set([...current, ...missing]);
    });
  }, [selectedId, byId]);

  const visible = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const focusTarget =
    focusedId && visible.some((n) => n.unit.id === focusedId)
      ? focusedId
      : (selectedId ?? visible[0]?.unit.id);

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
      const shouldOpen = open ?? !next.has(id);
      if (shouldOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = visible.findIndex((n) => n.unit.id === focusTarget);
    const node = visible[index];
    if (!node) return;
    const id = node.unit.id;
    const isOpen = expanded.has(id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.unit.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.unit.id);
        break;
      case 'ArrowRight':
        if (node.children.length > 0 && !isOpen) toggle(id, true);
        else if (isOpen) focus(node.children[0]?.unit.id);
        break;
      case 'ArrowLeft':
        if (node.children.length > 0 && isOpen) toggle(id, false);
        else focus(node.unit.parentId && byId.has(node.unit.parentId) ? node.unit.parentId : undefined);
        break;
      case 'Home':
        focus(visible[0]?.unit.id);
        break;
      case 'End':
        focus(visible.at(-1)?.unit.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const letter = event.key.toLocaleLowerCase();
          const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
          focus(order.find((n) => n.unit.name.toLocaleLowerCase().startsWith(letter))?.unit.id);
        } else {
          handled = false;
        }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function renderNode(node: TreeNode, index: number, siblings: number): ReactElement {
    const { unit } = node;
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(unit.id);
    const labelId = `unit-tree-${unit.id}`;
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled once, on the tree (roving focus)
      <div
        key={unit.id}
        ref={(element) => {
          if (element) items.current.set(unit.id, element);
          else items.current.delete(unit.id);
        }}
        role="treeitem"
        className="tree__item"
        aria-labelledby={labelId}
        aria-level={node.level}
        aria-setsize={siblings}
        aria-posinset={index + 1}
        aria-expanded={hasChildren ? isOpen : undefined}
        aria-selected={unit.id === selectedId}
        tabIndex={unit.id === focusTarget ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusedId(unit.id);
        }}
        onClick={(event) => {
          // Nested items sit inside their parent: only the innermost one acts on a click.
          event.stopPropagation();
          const onToggle = event.target instanceof Element && event.target.closest('.tree__toggle');
          if (onToggle && hasChildren) {
            toggle(unit.id);
            focus(unit.id);
            return;
          }
          focus(unit.id);
          onSelect(unit.id);
        }}
      >
        <div className="tree__row" data-selected={unit.id === selectedId || undefined}>
          <span
            className="tree__toggle"
            aria-hidden="true"
            data-open={isOpen || undefined}
            data-leaf={!hasChildren || undefined}
          />
          <span id={labelId} className="tree__label">
            {unit.name}
            {unit.active ? null : <span className="tree__inactive"> ({t('unit.inactive')})</span>}
          </span>
        </div>
        {isOpen ? (
          // biome-ignore lint/a11y/useSemanticElements: the ARIA tree pattern's group, not a form fieldset
          <div role="group" className="tree__group">
            {node.children.map((child, i) => renderNode(child, i, node.children.length))}
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div role="tree" aria-labelledby={labelledBy} className="tree" onKeyDown={onKeyDown}>
      {roots.map((node, i) => renderNode(node, i, roots.length))}
    </div>
  );
}
