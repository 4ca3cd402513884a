import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../contracts/common.ts';
import { formattersFor } from '../../../format.ts';
import en from '../../../i18n/bundle.en.ts';
import nb from '../../../i18n/bundle.nb.ts';
import sv from '../../../i18n/bundle.sv.ts';
import { pipelineChangeText } from './history.ts';

// A knowledge support's pipeline change in the document's history, as its reader sees it: the
// server sends the codes and ISO days, the history says them in Swedish, Norwegian or English.

const texts = i18next.createInstance();
beforeAll(async () => {
  await texts.init({ lng: 'sv', fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  for (const [language, bundles] of [
    ['sv', sv],
    ['nb', nb],
    ['en', en],
  ] as const)
    for (const bundle of bundles) texts.addResourceBundle(language, 'translation', bundle, true, true);
});

function said(language: Language, change: Parameters<typeof pipelineChangeText>[0]): string {
  return pipelineChangeText(change, texts.getFixedT(language) as TFunction, formattersFor(language));
}

describe('a pipeline change in the history', () => {
  const moved = {
    pipelineStatus: { from: 'on_list', to: 'in_progress' },
    plannedPublication: { from: '2027-01-01', to: '2027-03-01' },
  } as const;

  it('when the owner moves a knowledge support on and its day later, the history says both in Swedish', () => {
    expect(said('sv', moved)).toBe(
      'Status: På listan → Pågående · Planerad publicering: 1 jan. 2027 → 1 mars 2027',
    );
  });

  it('says the same in Norwegian and in English, with the dates as each language writes them', () => {
    expect(said('nb', moved)).toBe(
      'Status: På listen → Pågår · Planlagt publisering: 1. jan. 2027 → 1. mars 2027',
    );
    expect(said('en', moved)).toBe(
      'Status: On the list → In progress · Planned publication: 1 Jan 2027 → 1 Mar 2027',
    );
  });

  it('when only one of them changed, says only that one', () => {
    expect(said('sv', { pipelineStatus: { from: 'review_round_1', to: 'review_round_2' } })).toBe(
      'Status: Remissrunda 1 → Remissrunda 2',
    );
    expect(said('en', { plannedPublication: { from: '2027-04-30', to: '2027-05-31' } })).toBe(
      'Planned publication: 30 Apr 2027 → 31 May 2027',
    );
  });

  it('when a day is set for the first time or taken away, the missing side is "none" in the reader’s language', () => {
    expect(said('sv', { plannedPublication: { from: null, to: '2027-04-30' } })).toBe(
      'Planerad publicering: ingen → 30 apr. 2027',
    );
    expect(said('nb', { plannedPublication: { from: '2027-04-30', to: null } })).toBe(
      'Planlagt publisering: 30. apr. 2027 → ingen',
    );
    expect(said('en', { pipelineStatus: { from: null, to: 'on_list' } })).toBe('Status: none → On the list');
  });
});
