import { describe, expect, it } from 'vitest';
import { safeRedirect } from './guards.ts';
import { optionalPage, optionalString } from './search.ts';

describe('URL search params', () => {
  it('keep only sensible page numbers', () => {
    expect(optionalPage('3')).toBe(3);
    expect(optionalPage(2)).toBe(2);
    expect(optionalPage('1')).toBeUndefined();
    expect(optionalPage('-4')).toBeUndefined();
    expect(optionalPage('2.5')).toBeUndefined();
    expect(optionalPage('x')).toBeUndefined();
  });

  it('keep only short strings', () => {
    expect(optionalString('abc')).toBe('abc');
    expect(optionalString('')).toBeUndefined();
    expect(optionalString('x'.repeat(201))).toBeUndefined();
    expect(optionalString(5)).toBeUndefined();
  });

  it('follow only same-site paths after sign-in', () => {
    expect(safeRedirect('/admin/people?q=a')).toBe('/admin/people?q=a');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
