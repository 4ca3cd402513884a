import './attachments.css';
import { Button, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactElement, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptAttribute, formatSize, MAX_BYTES, MAX_FILES, type Picked, pickFiles } from './rules.ts';

interface FilePickerProps {
  /** the legend, e.g. "Attach files (photos, PDF…)" */
  legend: ReactNode;
  /** more help below the accepted types, e.g. that files are not kept in the draft */
  note?: string;
  files: File[];
  onFilesChange: (files: File[]) => void;
  /** how many files the case can still take */
  room?: number;
  disabled?: boolean;
}

/**
 * Chooses files to attach: a button that opens the system's picker (camera roll on a phone), what
 * may be attached said up front, each chosen file listed with a button to remove it, and files that
 * cannot be attached refused at once with the reason.
 */
export function FilePicker(props: FilePickerProps): ReactElement {
  const { files, onFilesChange } = props;
  const room = Math.max(0, Math.min(props.room ?? MAX_FILES, MAX_FILES));
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const [rejected, setRejected] = useState<Picked['rejected']>([]);
  const size = formatSize(MAX_BYTES, i18n.language);

  function onPicked(list: FileList | null): void {
    const picked = pickFiles(files, [...(list ?? [])], room);
    setRejected(picked.rejected);
    onFilesChange(picked.files);
    // The same file can be picked again after it was removed.
    if (input.current) input.current.value = '';
  }

  function remove(file: File): void {
    setRejected([]);
    onFilesChange(files.filter((f) => f !== file));
    chooseButton.current?.focus();
  }

  const reasons = {
    type: (name: string) => t('attachments.rejected.type', { name }),
    size: (name: string) => t('attachments.rejected.size', { name, size }),
    empty: (name: string) => t('attachments.rejected.empty', { name }),
    count: (name: string) => t('attachments.rejected.count', { name, max: room }),
  };

  return (
    <Fieldset className="attachment-picker" data-testid="file-picker">
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      <Fieldset.Description>
        {t('attachments.picker.help', { size, max: room })}
        {props.note ? (
          <>
            <br />
            {props.note}
          </>
        ) : null}
      </Fieldset.Description>
      <div>
        <Button
          ref={chooseButton}
          type="button"
          variant="secondary"
          disabled={props.disabled || files.length >= room}
          onClick={() => input.current?.click()}
        >
          {files.length > 0 ? t('attachments.picker.chooseMore') : t('attachments.picker.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={acceptAttribute}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => onPicked(event.target.files)}
        />
      </div>
      <div aria-live="polite" data-testid="file-picker-rejected">
        {rejected.map((r) => (
          <ValidationMessage key={r.name}>{reasons[r.reason](r.name)}</ValidationMessage>
        ))}
      </div>
      {files.length > 0 ? (
        <>
          <span id={listId} className="ds-sr-only">
            {t('attachments.picker.chosen')}
          </span>
          <ul className="attachment-chosen" aria-labelledby={listId}>
            {files.map((file) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`}>
                <span className="attachment-name">{file.name}</span>
                <span className="muted small">{formatSize(file.size, i18n.language)}</span>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={props.disabled}
                  onClick={() => remove(file)}
                  aria-label={t('attachments.picker.remove', { name: file.name })}
                >
                  {t('attachments.picker.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Fieldset>
  );
}
