import { Button, Card, Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationReceipt } from '../../../../contracts/deviations.ts';
import { useLocalized } from '../localized.ts';
import { ReceiptAttachments } from './ReceiptAttachments.tsx';

interface ReceiptProps {
  receipt: DeviationReceipt;
  /** files chosen on the form, uploaded now that the report exists */
  files: File[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCompanion: () => void;
  onAnother: () => void;
}

/** What the reporter keeps: the number, who handles it, and the companion report when one is offered. */
export function Receipt({ receipt, files, headingRef, onCompanion, onAnother }: ReceiptProps): ReactElement {
  const { t } = useTranslation();
  const name = useLocalized();
  return (
    <section className="stack report-receipt" aria-labelledby="report-receipt-heading" data-testid="receipt">
      <Heading level={2} data-size="md" id="report-receipt-heading" ref={headingRef} tabIndex={-1}>
        {t('report.receipt.heading')}
      </Heading>
      <div>
        <Paragraph data-size="sm" className="muted">
          {t('report.receipt.numberLabel')}
        </Paragraph>
        <p className="report-receipt__number" data-testid="receipt-number">
          {receipt.number}
        </p>
      </div>
      <Paragraph>{t('report.receipt.handler', { name: receipt.handler.name })}</Paragraph>
      <Paragraph>{t('report.receipt.notified')}</Paragraph>
      {files.length > 0 ? <ReceiptAttachments deviationId={receipt.id} files={files} /> : null}
      {receipt.linkedDeviation ? (
        <Paragraph data-testid="receipt-linked">
          {t('report.receipt.linked')}{' '}
          <DsLink asChild>
            <Link to="/my-reports/$id" params={{ id: receipt.linkedDeviation.id }}>
              {receipt.linkedDeviation.number}
            </Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {receipt.companion ? (
        <Card data-color="accent">
          <Card.Block>
            <Heading level={3} data-size="xs">
              {t('report.receipt.companionHeading')}
            </Heading>
            <Paragraph className="mt-2">{t('report.receipt.companionLead')}</Paragraph>
            <Button className="mt-2" onClick={onCompanion}>
              {t('report.receipt.companionAction', { entry: name(receipt.companion.entryName) })}
            </Button>
          </Card.Block>
        </Card>
      ) : null}
      <ul className="link-list">
        <li>
          <DsLink asChild>
            <Link to="/my-reports/$id" params={{ id: receipt.id }}>
              {t('report.receipt.view')}
            </Link>
          </DsLink>
        </li>
        <li>
          <DsLink asChild>
            <Link to="/my-reports">{t('report.receipt.mine')}</Link>
          </DsLink>
        </li>
      </ul>
      <div className="button-row">
        <Button variant="secondary" onClick={onAnother}>
          {t('report.receipt.another')}
        </Button>
      </div>
    </section>
  );
}
