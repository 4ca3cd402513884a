import { describe, expect, it } from 'vitest';
import { findPatientIdentifiers, parsePatientIdentifier } from './patient-identifiers.ts';

describe('patient identifiers', () => {
  it('recognises a Swedish personnummer in its ten- and twelve-digit forms, with or without a dash', () => {
    for (const value of ['811228-9874', '8112289874', '19811228-9874', '198112289874', '811228+9874']) {
      expect(parsePatientIdentifier(value)?.kind, value).toBe('se_personnummer');
    }
    expect(parsePatientIdentifier('198112289874')?.identifier).toBe('19811228-9874');
  });

  it('recognises a samordningsnummer by its day plus 60', () => {
    expect(parsePatientIdentifier('701063-2391')?.kind).toBe('se_samordningsnummer');
  });

  it('recognises a Norwegian fødselsnummer by its two check digits, with or without the space', () => {
    expect(parsePatientIdentifier('15076500565')?.kind).toBe('no_fodselsnummer');
    expect(parsePatientIdentifier('150765 00565')?.identifier).toBe('15076500565');
  });

  it('recognises a D-nummer by its first digit plus 4', () => {
    // 15076500565 as a D-nummer: day 15 + 40 = 55, check digits recomputed.
    expect(parsePatientIdentifier('55076500206')?.kind).toBe('no_d_nummer');
  });

  it('refuses a wrong check digit, an impossible date and plain numbers', () => {
    for (const value of ['811228-9875', '811328-9874', '15076500566', '12345678901', '0701234567', 'abc']) {
      expect(parsePatientIdentifier(value), value).toBeNull();
    }
  });

  it('finds identifiers inside a narrative, and leaves phone numbers, dates and order numbers alone', () => {
    const text =
      'Patienten 811228-9874 föll 2026-11-30 kl 14.05. Ring 070-123 45 67, order 4711-0815. NO: 150765 00565.';
    const found = findPatientIdentifiers(text);
    expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['se_personnummer', '811228-9874'],
      ['no_fodselsnummer', '150765 00565'],
    ]);
    expect(findPatientIdentifiers('Fallet inträffade 2026-11-30 på avdelning 12, rum 1203.')).toEqual([]);
  });
});
