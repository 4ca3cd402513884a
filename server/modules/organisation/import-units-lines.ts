import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { checkText, type ImportIssue, importFailed, parseCsv } from './csv.ts';
import { chunked, organisationResolver, type UnitRecord, unitColumns } from './records.ts';
import { units } from './tables.ts';

// Reading a units CSV: the cells of each line, then what each line's parent is.

export const unitCsvColumns = {
  required: ['external_id', 'name', 'organisation'],
  optional: ['parent_external_id'],
} as const;

export interface UnitLine {
  line: number;
  externalId: string;
  name: string;
  parentExternalId: string;
  organisationId: string;
  /** the stored unit's id, or a fresh one for a new unit */
  id: string;
  existing: UnitRecord | null;
  parentId: string | null;
}

/** Reads and checks every cell; stops the import (nothing written) if any is wrong. */
export async function readLines(
  tx: Db,
  csv: string,
  lang: Lang,
): Promise<Omit<UnitLine, 'id' | 'existing' | 'parentId'>[]> {
  const { rows, issues } = parseCsv(csv, unitCsvColumns);
  if (issues.length > 0) throw importFailed(issues, lang);
  const resolveOrganisation = await organisationResolver(tx);
  const firstLine = new Map<string, number>();
  const lines: Omit<UnitLine, 'id' | 'existing' | 'parentId'>[] = [];
  for (const row of rows) {
    const externalId = checkText(row, 'external_id', { required: true, max: 64 }, issues);
    const name = checkText(row, 'name', { required: true, max: 200 }, issues);
    const parentExternalId = checkText(row, 'parent_external_id', { required: false, max: 64 }, issues);
    const organisationText = checkText(row, 'organisation', { required: true, max: 200 }, issues);
    const organisation = organisationText ? resolveOrganisation(organisationText) : null;
    if (organisationText && !organisation) {
      issues.push({
        line: row.line,
        column: 'organisation',
        key: 'import.organisation_unknown',
        params: { value: organisationText },
      });
    }
    const seen = firstLine.get(externalId);
    if (externalId && seen !== undefined) {
      issues.push({
        line: row.line,
        column: 'external_id',
        key: 'import.duplicate_in_file',
        params: { value: externalId, line: seen },
      });
    } else if (externalId) {
      firstLine.set(externalId, row.line);
    }
    lines.push({
      line: row.line,
      externalId,
      name,
      parentExternalId,
      organisationId: organisation?.id ?? '',
    });
  }
  if (issues.length > 0) throw importFailed(issues, lang);
  return lines;
}

export async function loadByExternalId(tx: Db, externalIds: string[]): Promise<Map<string, UnitRecord>> {
  const found = new Map<string, UnitRecord>();
  for (const chunk of chunked([...new Set(externalIds)])) {
    const rows = await tx.select(unitColumns).from(units).where(inArray(units.externalId, chunk));
    for (const row of rows) if (row.externalId) found.set(row.externalId, row);
  }
  return found;
}

/**
 * Sets each line's parent id. An empty parent cell puts a new unit under its organisation's root (or
 * makes it the root of an organisation that has none); a stored unit keeps its place, since its
 * parent may have no external id and an omitted cell must not tear it out of the tree.
 * Returns the lines whose parent could not be resolved, with the `skip`ped ones.
 */
export function resolveParents(
  lines: UnitLine[],
  stored: ReadonlyMap<string, UnitRecord>,
  roots: ReadonlyMap<string, UnitRecord>,
  issues: ImportIssue[],
  skip: ReadonlySet<string>,
): Set<string> {
  const inFile = new Map(lines.map((l) => [l.externalId, l]));
  const newRootLine = new Map<string, number>();
  const unresolved = new Set<string>(skip);
  for (const line of lines) {
    if (skip.has(line.id)) continue;
    const issue = (key: string, params: Record<string, unknown> = {}): void => {
      issues.push({
        line: line.line,
        column: 'parent_external_id',
        key,
        params: { value: line.parentExternalId, ...params },
      });
      unresolved.add(line.id);
    };
    if (line.parentExternalId === '') {
      const root = roots.get(line.organisationId);
      const firstRoot = newRootLine.get(line.organisationId);
      if (line.existing) line.parentId = line.existing.parentId;
      else if (root) line.parentId = root.id;
      else if (firstRoot !== undefined) issue('import.second_root', { line: firstRoot });
      else newRootLine.set(line.organisationId, line.line);
      continue;
    }
    const fromFile = inFile.get(line.parentExternalId);
    const parentStored = fromFile ? fromFile.existing : (stored.get(line.parentExternalId) ?? null);
    const parent = fromFile ?? parentStored;
    if (!parent) issue('import.parent_unknown');
    else if (parent.organisationId !== line.organisationId) issue('import.parent_other_organisation');
    else if (parentStored && !parentStored.active) issue('import.parent_inactive');
    else line.parentId = fromFile ? fromFile.id : parent.id;
  }
  return unresolved;
}
