import { expect } from 'vitest';
import type { Deviation, DeviationConfig, DeviationReceipt } from '../../../contracts/deviations.ts';
import { Client, type TestApp } from '../../test/harness.ts';

// Helpers for the deviation stories: sign in as a demo user, find a type by its path of names,
// and file a report as a person would.

export const DEMO_PASSWORD = 'loopen-demo';

export async function signedIn(t: TestApp, username: string, language = 'sv'): Promise<Client> {
  const browser = new Client(t.app, { language });
  await browser.login(username, DEMO_PASSWORD);
  return browser;
}

/** The id of the selectable type reached by these Swedish names, entry first. */
export async function typeId(browser: Client, ...names: string[]): Promise<string> {
  const config = (await browser.get<DeviationConfig>('/api/deviation-config')).body;
  const [entryName, ...path] = names;
  const entry = config.entries.find((e) => e.name.sv === entryName);
  if (!entry) throw new Error(`no entry ${entryName}`);
  let parentId: string | null = null;
  let nodeId = '';
  for (const name of path) {
    const node = config.categories.find(
      (c) => c.entryId === entry.id && c.parentId === parentId && c.name.sv === name,
    );
    if (!node) throw new Error(`no category ${name}`);
    nodeId = node.id;
    parentId = node.id;
  }
  return nodeId;
}

export const insuranceMedicinePath = [
  'Säkerhet, miljö och organisation',
  'Verksamhet/organisation',
  'Försäkringsmedicin',
] as const;

export async function report(
  browser: Client,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<DeviationReceipt> {
  const answer = await browser.post<DeviationReceipt>(
    '/api/deviations',
    { occurredAt: new Date(Date.now() - 3600_000).toISOString(), ...body },
    headers,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export async function open(browser: Client, id: string): Promise<Deviation> {
  const answer = await browser.get<Deviation>(`/api/deviations/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export async function move(
  browser: Client,
  id: string,
  command: Record<string, unknown>,
): Promise<Deviation> {
  const answer = await browser.post<Deviation>(`/api/deviations/${id}/transitions`, command);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
