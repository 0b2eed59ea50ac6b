import { describe, expect, it } from 'vitest';
import { themeFromOffice } from '../taskpane/theme';

const theme = (bodyBackgroundColor: string, isDarkTheme = false) => ({ bodyBackgroundColor, isDarkTheme } as Office.OfficeTheme);

describe('themeFromOffice', () => {
  it('follows forced colours above everything', () => expect(themeFromOffice(theme('#ffffff'), true)).toBe('contrast'));
  it('follows Office dark mode', () => expect(themeFromOffice(theme('#ffffff', true), false)).toBe('dark'));
  it('reads a dark background on hosts without isDarkTheme', () => expect(themeFromOffice(theme('#262626'), false)).toBe('dark'));
  it('is light for a light or missing theme', () => {
    expect(themeFromOffice(theme('#f3f2f1'), false)).toBe('light');
    expect(themeFromOffice(undefined, false)).toBe('light');
  });
});
