import { type KeyboardEvent, type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminConfig } from '../../../../contracts/deviation-config-admin.ts';
import { useLocalized } from '../localized.ts';
import { ancestorIds, buildConfigTree, type ConfigNode, visibleConfigNodes } from './configTree.ts';

interface ConfigTreeProps {
  config: AdminConfig;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  labelledBy: string;
}

/**
 * The entries and their classification trees as one WAI-ARIA tree: one tab stop; Up/Down move,
 * Right/Left open, close and go to child or parent; Home/End; Enter or Space selects; a letter
 * jumps to the next name starting with it.
 */
export function ConfigTree({ config, selectedId, onSelect, labelledBy }: ConfigTreeProps): ReactElement {
  const { t } = useTranslation();
  const localized = useLocalized();
  const roots = useMemo(() => buildConfigTree(config), [config]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((r) => r.id)));
  const [focusedId, setFocusedId] = useState<string | undefined>(selectedId);
  const items = useRef(new Map<string, HTMLDivElement>());
  const moveFocus = useRef(false);

  // The selected node's ancestors open, so the selection is always in view.
  useEffect(() => {
    if (!selectedId) return;
    const above = ancestorIds(config, selectedId);
    setExpanded((current) => {
      const missing = above.filter((id) => !current.has(id));
      return missing.length === 0 ? current : new Set([...current, ...missing]);
    });
  }, [selectedId, config]);

  const visible = useMemo(() => visibleConfigNodes(roots, expanded), [roots, expanded]);
  const focusTarget =
    focusedId && visible.some((n) => n.id === focusedId) ? focusedId : (selectedId ?? visible[0]?.id);

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
    const index = visible.findIndex((n) => n.id === focusTarget);
    const node = visible[index];
    if (!node) return;
    const isOpen = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.id);
        break;
      case 'ArrowRight':
        if (node.children.length > 0 && !isOpen) toggle(node.id, true);
        else if (isOpen) focus(node.children[0]?.id);
        break;
      case 'ArrowLeft':
        if (node.children.length > 0 && isOpen) toggle(node.id, false);
        else focus(node.parentId ?? undefined);
        break;
      case 'Home':
        focus(visible[0]?.id);
        break;
      case 'End':
        focus(visible.at(-1)?.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.id);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const letter = event.key.toLocaleLowerCase();
          const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
          focus(order.find((n) => localized(n.name).toLocaleLowerCase().startsWith(letter))?.id);
        } else {
          handled = false;
        }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function renderNode(node: ConfigNode, index: number, siblings: number): ReactElement {
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(node.id);
    const labelId = `config-tree-${node.id}`;
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
        aria-level={node.level}
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
            {localized(node.name)}
            {node.active ? null : <span className="tree__inactive"> ({t('deviationConfig.inactive')})</span>}
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
