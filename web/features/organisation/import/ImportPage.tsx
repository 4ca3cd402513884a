import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Table,
} from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { importResponse } from '../../../../contracts/organisation.ts';
import { ApiError, isApiError, type LineProblem } from '../../../api.ts';
import { TextArea } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { useFormatters } from '../../../format.ts';
import { organisationApi, refreshOrganisation } from '../api.ts';

type Kind = 'units' | 'people';
type Result = z.infer<typeof importResponse>;

const columns: Record<Kind, string> = {
  units: 'external_id, name, parent_external_id, organisation',
  people: 'username, name, email, profession, language, organisation, unit_external_id, role',
};

/** The server takes CSV uploads up to 5 MB. */
const maxBytes = 5 * 1024 * 1024;

function Counts({ result }: { result: Result }): ReactElement {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <Table data-size="sm" className="counts">
      <Table.Body>
        <Table.Row>
          <Table.HeaderCell scope="row">{t('import.created')}</Table.HeaderCell>
          <Table.Cell>{number(result.created)}</Table.Cell>
        </Table.Row>
        <Table.Row>
          <Table.HeaderCell scope="row">{t('import.updated')}</Table.HeaderCell>
          <Table.Cell>{number(result.updated)}</Table.Cell>
        </Table.Row>
        <Table.Row>
          <Table.HeaderCell scope="row">{t('import.unchanged')}</Table.HeaderCell>
          <Table.Cell>{number(result.unchanged)}</Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  );
}

function LineErrors({ lines }: { lines: LineProblem[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table data-size="sm" className="mt-2">
        <caption className="ds-sr-only">{t('import.lineErrors')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('import.line')}</Table.HeaderCell>
            <Table.HeaderCell>{t('import.column')}</Table.HeaderCell>
            <Table.HeaderCell>{t('import.message')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line can have several errors
            <Table.Row key={`${line.line}-${index}`}>
              <Table.Cell>{line.line}</Table.Cell>
              <Table.Cell>{line.column ?? '–'}</Table.Cell>
              <Table.Cell>{line.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function ImportPage(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('units');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);

  const reset = (): void => {
    setResult(null);
    setFailure(null);
    setCheckedText(null);
  };

  async function run(dryRun: boolean): Promise<void> {
    if (csv.trim() === '') {
      setInputError(t('import.nothingToImport'));
      return;
    }
    setInputError(null);
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    setResult(null);
    try {
      const answer = await organisationApi.importCsv(kind, csv, dryRun);
      setResult(answer);
      setCheckedText(dryRun ? csv : null);
      if (!dryRun) await refreshOrganisation(queryClient);
    } catch (error) {
      setCheckedText(null);
      setFailure(
        isApiError(error)
          ? error
          : new ApiError({ status: 0, code: 'error.unknown', message: t('common.errorUnknown') }),
      );
    } finally {
      setBusy(null);
    }
  }

  async function readFile(file: File | undefined): Promise<void> {
    reset();
    if (!file) return;
    if (file.size > maxBytes) {
      setInputError(t('import.fileTooLarge'));
      return;
    }
    setInputError(null);
    setFileName(file.name);
    setCsv(await file.text());
  }

  const canImport = result?.dryRun === true && checkedText === csv;

  return (
    <Page title={t('import.title')} lead={<Paragraph>{t('import.lead')}</Paragraph>}>
      <div className="split split--even">
        <Card>
          <Card.Block>
            <div className="stack">
              <Fieldset>
                <Fieldset.Legend>{t('import.what')}</Fieldset.Legend>
                <Radio
                  name="import-kind"
                  value="units"
                  label={t('import.units')}
                  checked={kind === 'units'}
                  onChange={() => {
                    setKind('units');
                    reset();
                  }}
                />
                <Radio
                  name="import-kind"
                  value="people"
                  label={t('import.people')}
                  checked={kind === 'people'}
                  onChange={() => {
                    setKind('people');
                    reset();
                  }}
                />
              </Fieldset>
              <Paragraph data-size="sm">
                {t('import.columns')} <code className="code">{columns[kind]}</code>
              </Paragraph>
              <Field>
                <Label htmlFor="import-file">{t('import.file')}</Label>
                <Field.Description>{t('import.fileHelp')}</Field.Description>
                <Input
                  id="import-file"
                  type="file"
                  accept=".csv,text/csv,text/plain"
                  onChange={(event) => void readFile(event.target.files?.[0])}
                />
              </Field>
              {fileName ? (
                <Paragraph data-size="sm" role="status">
                  {t('import.fileRead', { name: fileName })}
                </Paragraph>
              ) : null}
              <TextArea
                formId="import"
                hideOptional
                name="csv"
                label={t('import.text')}
                value={csv}
                rows={10}
                onChange={(event) => {
                  setCsv(event.target.value);
                  setFileName(null);
                  setResult(null);
                  setFailure(null);
                }}
                error={inputError ?? undefined}
              />
              <div className="button-row">
                <Button variant="secondary" onClick={() => void run(true)} loading={busy === 'check'}>
                  {t('import.check')}
                </Button>
                <Button onClick={() => void run(false)} loading={busy === 'import'} disabled={!canImport}>
                  {t('import.import')}
                </Button>
              </div>
              {!canImport ? (
                <Paragraph data-size="sm" className="muted">
                  {t('import.checkFirst')}
                </Paragraph>
              ) : null}
            </div>
          </Card.Block>
        </Card>
        <section aria-labelledby="import-result" aria-live="polite">
          <Heading level={2} data-size="xs" id="import-result">
            {t('import.result')}
          </Heading>
          {!result && !failure ? <Paragraph className="muted mt-2">{t('import.noResult')}</Paragraph> : null}
          {result ? (
            <div className="stack mt-2">
              <Alert data-color="success">
                <Paragraph>{result.dryRun ? t('import.checkedOk') : t('import.imported')}</Paragraph>
              </Alert>
              <Counts result={result} />
            </div>
          ) : null}
          {failure ? (
            <div className="stack mt-2">
              <Alert data-color="danger">
                <Paragraph>{failure.message}</Paragraph>
                {failure.lines.length > 0 ? (
                  <Paragraph data-size="sm">{t('import.nothingWritten')}</Paragraph>
                ) : null}
              </Alert>
              {failure.lines.length > 0 ? <LineErrors lines={failure.lines} /> : null}
            </div>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
