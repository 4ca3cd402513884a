import { Button, Paragraph } from '@digdir/designsystemet-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { FilePicker } from './FilePicker.tsx';
import { MAX_FILES } from './rules.ts';
import { UploadStatus } from './UploadStatus.tsx';
import { useUploads } from './useUploads.ts';

interface AttachmentUploaderProps {
  deviation: Deviation;
  /** called with the case after each file is stored (the cached case is already replaced) */
  onUploaded?: (deviation: Deviation) => void;
}

/**
 * Adds files to an existing case: pick, then upload one by one with progress and each file's
 * outcome. Show it only while the case's `allowedActions` contains `add_attachment`.
 */
export function AttachmentUploader({ deviation, onUploaded }: AttachmentUploaderProps): ReactElement {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const uploads = useUploads(deviation.id, onUploaded);
  // Files on their way count against the room too, so that a second pick cannot overfill the case.
  const pending = uploads.items.filter((i) => i.state === 'waiting' || i.state === 'uploading').length;
  const room = MAX_FILES - deviation.attachments.length - pending;

  if (room <= 0 && files.length === 0 && uploads.items.length === 0)
    return <Paragraph>{t('attachments.full', { max: MAX_FILES })}</Paragraph>;

  return (
    <div className="stack" data-testid="attachment-uploader">
      <FilePicker
        legend={t('attachments.uploader.legend')}
        files={files}
        onFilesChange={setFiles}
        room={room}
        disabled={uploads.running}
      />
      {files.length > 0 ? (
        <div>
          <Button
            type="button"
            loading={uploads.running}
            onClick={() => {
              const chosen = files;
              setFiles([]);
              void uploads.upload(chosen);
            }}
          >
            {t('attachments.uploader.upload')}
          </Button>
        </div>
      ) : null}
      <UploadStatus uploads={uploads} />
    </div>
  );
}
