import { Button, Card, Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { EmptyState } from '../../components/QueryState.tsx';
import { canAdminister, canViewAudit, useMe } from '../../session.ts';
import { ReadingHomeBlock } from '../documents/reading/ReadingHomeBlock.tsx';

const languageNames = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' } as const;

export function HomePage(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const { person, organisation } = me;

  return (
    <Page title={t('home.title', { name: person.name })} lead={<Paragraph>{t('home.lead')}</Paragraph>}>
      <Card data-color="accent" className="section" data-testid="report-call">
        <Card.Block>
          <Heading level={2} data-size="sm">
            {t('report.home.heading')}
          </Heading>
          <Paragraph className="mt-1">{t('report.home.lead')}</Paragraph>
          <div className="button-row mt-2">
            <Button asChild data-size="lg">
              <Link to="/report">{t('report.home.action')}</Link>
            </Button>
            <DsLink asChild>
              <Link to="/my-reports">{t('report.home.mine')}</Link>
            </DsLink>
          </div>
        </Card.Block>
      </Card>
      <ReadingHomeBlock />
      <div className="card-grid">
        <Card>
          <Card.Block>
            <Heading level={2} data-size="xs">
              {t('home.you')}
            </Heading>
            <dl className="facts mt-2">
              <dt>{t('person.name')}</dt>
              <dd>{person.name}</dd>
              <dt>{t('person.username')}</dt>
              <dd>{person.username}</dd>
              <dt>{t('person.email')}</dt>
              <dd>{person.email}</dd>
              <dt>{t('person.profession')}</dt>
              <dd>{person.profession ?? <span className="muted">{t('common.notGiven')}</span>}</dd>
              <dt>{t('person.language')}</dt>
              <dd>{languageNames[person.language]}</dd>
            </dl>
          </Card.Block>
        </Card>
        <Card>
          <Card.Block>
            <Heading level={2} data-size="xs">
              {t('home.organisation')}
            </Heading>
            <dl className="facts mt-2">
              <dt>{t('organisation.name')}</dt>
              <dd>{organisation.name}</dd>
              <dt>{t('organisation.kind')}</dt>
              <dd>{t(`organisationKind.${organisation.kind}`, { defaultValue: organisation.kind })}</dd>
            </dl>
          </Card.Block>
        </Card>
      </div>

      <section className="section" aria-labelledby="home-roles">
        <Heading level={2} data-size="sm" id="home-roles">
          {t('home.roles')}
        </Heading>
        {me.roles.length === 0 ? (
          <EmptyState>{t('home.noRoles')}</EmptyState>
        ) : (
          <Table className="mt-2" data-testid="my-roles">
            <caption className="ds-sr-only">{t('home.roles')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('role.label')}</Table.HeaderCell>
                <Table.HeaderCell>{t('unit.label')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {me.roles.map((role) => (
                <Table.Row key={`${role.role}-${role.unitId}`}>
                  <Table.Cell>
                    <Tag data-color="accent">{t(`role.${role.role}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>{role.unitName}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      <section className="section" aria-labelledby="home-bodies">
        <Heading level={2} data-size="sm" id="home-bodies">
          {t('home.bodies')}
        </Heading>
        {me.bodies.length === 0 ? (
          <EmptyState>{t('home.noBodies')}</EmptyState>
        ) : (
          <Table className="mt-2">
            <caption className="ds-sr-only">{t('home.bodies')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('body.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('body.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('body.role')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {me.bodies.map((body) => (
                <Table.Row key={body.bodyId}>
                  <Table.Cell>{body.name}</Table.Cell>
                  <Table.Cell>{t(`bodyKind.${body.kind}`, { defaultValue: body.kind })}</Table.Cell>
                  <Table.Cell>{t(`bodyRole.${body.role}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      {canAdminister(me) ? (
        <section className="section" aria-labelledby="home-admin">
          <Heading level={2} data-size="sm" id="home-admin">
            {t('home.administration')}
          </Heading>
          <Paragraph className="mt-2">{t('home.administrationLead')}</Paragraph>
          <ul className="link-list mt-2">
            <li>
              <DsLink asChild>
                <Link to="/admin/units">{t('nav.units')}</Link>
              </DsLink>
            </li>
            <li>
              <DsLink asChild>
                <Link to="/admin/people">{t('nav.people')}</Link>
              </DsLink>
            </li>
            {canViewAudit(me) ? (
              <li>
                <DsLink asChild>
                  <Link to="/admin/audit">{t('nav.audit')}</Link>
                </DsLink>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
