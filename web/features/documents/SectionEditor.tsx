import { Button, Textfield } from '@digdir/designsystemet-react';
import Link from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import {
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type ContentNode, isSafeHref } from '../../../contracts/documents.ts';
import { type EditorNode, fromEditor, HEADING_LEVELS, toEditor } from './content.ts';

// The rich-text editor of one template section: Tiptap (ProseMirror) limited to decision 0006's
// vocabulary — paragraphs, headings 2–4, bullet and numbered lists, tables, links, bold and italic.
// Everything else StarterKit brings is switched off, and what the editor emits still goes through
// fromEditor, which drops whatever the vocabulary lacks. Tiptap's own CSS is not injected (the
// strict CSP refuses inline styles); documents.css styles the editor.

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? 'Meta' : 'Control';

/** Tables with header cells and data cells holding paragraphs only, and no inline width styles. */
const DocTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attributes } = HTMLAttributes as Record<string, unknown>;
    return ['table', attributes, ['tbody', 0]];
  },
}).configure({ resizable: false });
const DocCell = TableCell.extend({ content: 'paragraph+' });
const DocHeader = TableHeader.extend({ content: 'paragraph+' });

function editorExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      blockquote: false,
      code: false,
      codeBlock: false,
      hardBreak: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      isAllowedUri: (url) => isSafeHref(url),
      shouldAutoLink: (url) => isSafeHref(url.includes(':') ? url : `https://${url}`),
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
    }),
    DocTable,
    TableRow,
    DocHeader,
    DocCell,
  ];
}

interface ToolbarButtonProps {
  label: string;
  /** aria-keyshortcuts, e.g. "Control+B" */
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function ToolbarButton({ label, shortcut, pressed, disabled, onClick, children }: ToolbarButtonProps) {
  return (
    <Button
      type="button"
      variant="tertiary"
      data-size="sm"
      className="doc-toolbar__button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut.replaceAll('+', ' + ')})` : label}
      aria-keyshortcuts={shortcut}
      aria-pressed={pressed}
      disabled={disabled}
      // The editor keeps its selection: the button does not take focus on a mouse press.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/** Arrow keys move between the toolbar's buttons; Tab leaves the toolbar (one tab stop). */
function useRovingToolbar() {
  const ref = useRef<HTMLDivElement>(null);
  const buttons = (): HTMLButtonElement[] =>
    Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? []);
  const setStop = (target: HTMLButtonElement | undefined): void => {
    for (const b of ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []) b.tabIndex = -1;
    if (target) target.tabIndex = 0;
  };
  // After every render the current tab stop is kept if it is still enabled, else the first button.
  useEffect(() => {
    const all = buttons();
    const current = all.find((b) => b.tabIndex === 0);
    setStop(current ?? all[0]);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index === -1) return;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % all.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    if (next === null) return;
    event.preventDefault();
    setStop(all[next]);
    all[next]?.focus();
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLButtonElement) setStop(event.target);
  };
  return { ref, onKeyDown, onFocus };
}

/** The chain-link icon of "Link", struck through for "Remove link". */
function LinkIcon({ crossed = false }: { crossed?: boolean }): ReactElement {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
      {crossed ? <path d="M4 4l16 16" /> : null}
    </svg>
  );
}

function Toolbar({ editor, label, onLink }: { editor: Editor; label: string; onLink: () => void }) {
  const { t } = useTranslation();
  const roving = useRovingToolbar();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canSink: e.can().sinkListItem('listItem'),
      canLift: e.can().liftListItem('listItem'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const key = (k: string) => `${mod}+${k}`;
  return (
    <div
      className="doc-toolbar"
      role="toolbar"
      aria-label={t('documents.editor.toolbar', { section: label })}
      ref={roving.ref}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <ToolbarButton
        label={t('documents.editor.bold')}
        shortcut={key('B')}
        pressed={state.bold}
        onClick={() => chain().toggleBold().run()}
      >
        <strong aria-hidden="true">B</strong>
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.italic')}
        shortcut={key('I')}
        pressed={state.italic}
        onClick={() => chain().toggleItalic().run()}
      >
        <em aria-hidden="true">I</em>
      </ToolbarButton>
      <span className="doc-toolbar__divider" aria-hidden="true" />
      {HEADING_LEVELS.map((level) => (
        <ToolbarButton
          key={level}
          label={t('documents.editor.heading', { level })}
          shortcut={`${mod}+Alt+${level}`}
          pressed={state[`h${level}`]}
          onClick={() => chain().toggleHeading({ level }).run()}
        >
          <span aria-hidden="true">H{level}</span>
        </ToolbarButton>
      ))}
      <span className="doc-toolbar__divider" aria-hidden="true" />
      <ToolbarButton
        label={t('documents.editor.bulletList')}
        shortcut={`${mod}+Shift+8`}
        pressed={state.bullet}
        onClick={() => chain().toggleBulletList().run()}
      >
        <span aria-hidden="true">•≡</span>
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.orderedList')}
        shortcut={`${mod}+Shift+7`}
        pressed={state.ordered}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <span aria-hidden="true">1.≡</span>
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.indent')}
        shortcut="Tab"
        disabled={!state.canSink}
        onClick={() => chain().sinkListItem('listItem').run()}
      >
        <span aria-hidden="true">→</span>
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.outdent')}
        shortcut="Shift+Tab"
        disabled={!state.canLift}
        onClick={() => chain().liftListItem('listItem').run()}
      >
        <span aria-hidden="true">←</span>
      </ToolbarButton>
      <span className="doc-toolbar__divider" aria-hidden="true" />
      <ToolbarButton
        label={t('documents.editor.link')}
        shortcut={key('K')}
        pressed={state.link}
        onClick={onLink}
      >
        <LinkIcon />
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.unlink')}
        disabled={!state.link}
        onClick={() => chain().extendMarkRange('link').unsetLink().run()}
      >
        <LinkIcon crossed />
      </ToolbarButton>
      <span className="doc-toolbar__divider" aria-hidden="true" />
      <ToolbarButton
        label={t('documents.editor.insertTable')}
        disabled={state.table}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        <span aria-hidden="true">⊞</span>
      </ToolbarButton>
      {state.table ? (
        <>
          <ToolbarButton label={t('documents.editor.addRow')} onClick={() => chain().addRowAfter().run()}>
            <span aria-hidden="true">+≡</span>
          </ToolbarButton>
          <ToolbarButton
            label={t('documents.editor.addColumn')}
            onClick={() => chain().addColumnAfter().run()}
          >
            <span aria-hidden="true">+‖</span>
          </ToolbarButton>
          <ToolbarButton label={t('documents.editor.deleteRow')} onClick={() => chain().deleteRow().run()}>
            <span aria-hidden="true">−≡</span>
          </ToolbarButton>
          <ToolbarButton
            label={t('documents.editor.deleteColumn')}
            onClick={() => chain().deleteColumn().run()}
          >
            <span aria-hidden="true">−‖</span>
          </ToolbarButton>
          <ToolbarButton
            label={t('documents.editor.deleteTable')}
            onClick={() => chain().deleteTable().run()}
          >
            <span aria-hidden="true">✕⊞</span>
          </ToolbarButton>
        </>
      ) : null}
      <span className="doc-toolbar__divider" aria-hidden="true" />
      <ToolbarButton
        label={t('documents.editor.undo')}
        shortcut={key('Z')}
        disabled={!state.canUndo}
        onClick={() => chain().undo().run()}
      >
        <span aria-hidden="true">↶</span>
      </ToolbarButton>
      <ToolbarButton
        label={t('documents.editor.redo')}
        shortcut={`${mod}+Shift+Z`}
        disabled={!state.canRedo}
        onClick={() => chain().redo().run()}
      >
        <span aria-hidden="true">↷</span>
      </ToolbarButton>
    </div>
  );
}

/** The small form that sets or changes the link on the selected text. */
function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const current = editor.getAttributes('link').href;
  const [href, setHref] = useState(typeof current === 'string' ? current : 'https://');
  const [error, setError] = useState<string | null>(null);
  const apply = (): void => {
    const value = href.trim();
    if (!isSafeHref(value)) {
      setError(t('documents.editor.linkInvalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] })
        .run();
    } else {
      chain.setLink({ href: value }).run();
    }
    onDone();
  };
  return (
    <fieldset className="doc-link-form">
      <legend className="ds-sr-only">{t('documents.editor.linkForm')}</legend>
      <Textfield
        id={id}
        label={t('documents.editor.linkAddress')}
        value={href}
        autoFocus
        data-size="sm"
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            editor.commands.focus();
            onDone();
          }
        }}
        error={error ?? undefined}
      />
      <div className="button-row">
        <Button type="button" data-size="sm" onClick={apply}>
          {t('documents.editor.linkApply')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => {
            editor.commands.focus();
            onDone();
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </fieldset>
  );
}

interface SectionEditorProps {
  /** the section's title, the editor's accessible name */
  label: string;
  /** an id for the element that describes the section (its guidance) */
  describedBy?: string;
  initial: readonly ContentNode[];
  /** the section's nodes in the 0006 vocabulary after every change */
  onChange: (nodes: ContentNode[]) => void;
}

/** One section's rich-text editor with its toolbar. */
export function SectionEditor({ label, describedBy, initial, onChange }: SectionEditorProps): ReactElement {
  const [linking, setLinking] = useState(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions: editorExtensions(),
    content: toEditor(initial),
    injectCSS: false,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: 'doc-editor__content doc-content',
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinking(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current(fromEditor(e.getJSON() as EditorNode)),
  });
  return (
    <div className="doc-editor">
      <Toolbar editor={editor} label={label} onLink={() => setLinking(true)} />
      {linking ? <LinkForm editor={editor} onDone={() => setLinking(false)} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
