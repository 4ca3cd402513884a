import { Button, Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDeviations } from '../../../../contracts/document-search.ts';
import type { Document } from '../../../../contracts/documents.ts';
import { api } from '../../../api.ts';
import { ConfirmButton } from '../../../components/dialogs.tsx';
import { FormErrors, TextInput, useForm } from '../../../components/form.tsx';
import { ErrorAlert, Loading } from '../../../components/QueryState.tsx';
import { useMe } from '../../../session.ts';
import './search.css';

const FORM_ID = 'deviation-link';
const enc = encodeURIComponent;

function deviationsKey(documentId: string) {
  return ['documents', 'deviations', documentId] as const;
}

/** The document's owner and the administrators link and unlink cases (the server decides too). */
function useMayLink(document: Document): boolean {
  const me = useMe();
  return document.owner.id === me.person.id || me.roles.some((r) => r.role === 'administrator');
}

function AddLinkForm({ documentId }: { documentId: string }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ deviationNumber: '' });
  const onSubmit = form.submit(
    async () => {
      const answer = await api.post<DocumentDeviations>(`/api/documents/${enc(documentId)}/deviation-links`, {
        deviationNumber: form.values.deviationNumber,
      });
      queryClient.setQueryData(deviationsKey(documentId), answer);
      form.reset();
    },
    form.values.deviationNumber.trim() ? {} : { deviationNumber: t('docDeviations.numberRequired') },
  );
  return (
    <form id={FORM_ID} onSubmit={onSubmit} noValidate aria-label={t('docDeviations.addLabel')}>
      <FormErrors
        formId={FORM_ID}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={{ deviationNumber: t('docDeviations.number') }}
      />
      <div className="doc-links-deviations__row">
        <TextInput
          formId={FORM_ID}
          {...form.field('deviationNumber')}
          label={t('docDeviations.number')}
          description={t('docDeviations.numberHelp')}
          hideOptional
        />
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('docDeviations.add')}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Changed because of": the deviations that led to changes of this document. Every reader sees the
 * numbers; the case opens for those who may read it; the owner and administrators link and unlink.
 */
export function ChangedBecauseOf({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayLink = useMayLink(document);
  const query = useQuery({
    queryKey: deviationsKey(document.id),
    queryFn: ({ signal }) =>
      api.get<DocumentDeviations>(`/api/documents/${enc(document.id)}/deviations`, undefined, signal),
  });
  return (
    <section
      className="doc-links-deviations mt-4"
      aria-labelledby="doc-deviations-heading"
      data-testid="changed-because-of"
    >
      <Heading level={2} data-size="xs" id="doc-deviations-heading">
        {t('docDeviations.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paragraph className="muted">{t('docDeviations.none')}</Paragraph>
      ) : (
        <ul>
          {query.data.items.map((item) => (
            <li key={item.number}>
              {item.id ? (
                <DsLink asChild>
                  <Link to="/deviations/$id" params={{ id: item.id }}>
                    {item.summary ? `${item.number} (${item.summary})` : item.number}
                  </Link>
                </DsLink>
              ) : (
                <span>{item.number}</span>
              )}
              {mayLink && item.id ? (
                <ConfirmButton
                  aria-label={t('docDeviations.removeLabel', { number: item.number })}
                  title={t('docDeviations.removeTitle')}
                  text={t('docDeviations.removeText', { number: item.number })}
                  confirmLabel={t('docDeviations.removeConfirm')}
                  onConfirm={async () => {
                    await api.delete(
                      `/api/documents/${enc(document.id)}/deviation-links/${enc(item.id ?? '')}`,
                    );
                    await queryClient.invalidateQueries({ queryKey: deviationsKey(document.id) });
                  }}
                >
                  {t('docDeviations.remove')}
                </ConfirmButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayLink ? <AddLinkForm documentId={document.id} /> : null}
    </section>
  );
}
