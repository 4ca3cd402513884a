import { Heading } from '@digdir/designsystemet-react';
import { type ReactElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadStatus } from '../attachments/UploadStatus.tsx';
import { useUploads } from '../attachments/useUploads.ts';

/** On the receipt: the files chosen on the form go up one by one, each shown as uploaded or failed. */
export function ReceiptAttachments({
  deviationId,
  files,
}: {
  deviationId: string;
  files: File[];
}): ReactElement {
  const { t } = useTranslation();
  const uploads = useUploads(deviationId);
  const started = useRef(false);
  const { upload } = uploads;

  useEffect(() => {
    // Once per receipt, also when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    void upload(files);
  }, [files, upload]);

  return (
    <section aria-labelledby="receipt-attachments" className="stack" data-testid="receipt-attachments">
      <Heading level={3} data-size="xs" id="receipt-attachments">
        {t('attachments.report.receiptHeading')}
      </Heading>
      <UploadStatus uploads={uploads} />
    </section>
  );
}
