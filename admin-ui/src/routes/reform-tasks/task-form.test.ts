import { describe, expect, it } from 'vitest';
import { isDay, isWebAddress, parseReportForm, parseTaskForm, type TaskFormValues } from './task-form';

const task = (overrides: Partial<TaskFormValues> = {}): TaskFormValues => ({
  title: 'Số hóa hồ sơ',
  agencyCode: '22870',
  ownerAgencyCode: '56',
  deadline: '2026-12-31',
  year: '2026',
  document: 'Kế hoạch 3941/KH-UBND',
  documentDate: '',
  description: '',
  ...overrides,
});

const report = (overrides: Record<string, string> = {}) => ({
  status: '',
  progressPercent: '',
  completedOn: '',
  note: '',
  evidenceUrl: '',
  evidenceRef: '',
  ...overrides,
});

describe('task form', () => {
  it('turns the form into the API input, blanks into null', () => {
    expect(parseTaskForm(task()).input).toEqual({
      year: 2026,
      title: 'Số hóa hồ sơ',
      agencyCode: '22870',
      ownerAgencyCode: '56',
      deadline: '2026-12-31',
      document: 'Kế hoạch 3941/KH-UBND',
      documentDate: null,
      description: null,
    });
  });

  it('reports every problem at its field', () => {
    const { input, errors } = parseTaskForm(
      task({ title: '', agencyCode: '', deadline: '2026-02-30', year: '26', documentDate: '2026-13-01' }),
    );
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['agencyCode', 'deadline', 'documentDate', 'title', 'year']);
  });

  it('knows real days: 2024 is a leap year, 2026 is not', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('1999-12-31')).toBe(false);
  });
});

describe('progress report form', () => {
  it('sends only what was given', () => {
    expect(parseReportForm('7', report({ progressPercent: '40', note: 'Đã làm' })).input).toEqual({
      taskId: '7',
      progressPercent: 40,
      note: 'Đã làm',
      evidenceUrl: null,
      evidenceRef: null,
    });
  });

  it('refuses progress out of 0..100, DONE under 100 %, and links that are not http(s)', () => {
    expect(parseReportForm('7', report({ progressPercent: '101' })).errors.progressPercent).toBeDefined();
    expect(parseReportForm('7', report({ progressPercent: '4.5' })).errors.progressPercent).toBeDefined();
    expect(
      parseReportForm('7', report({ status: 'DONE', progressPercent: '90' })).errors.progressPercent,
    ).toBeDefined();
    expect(
      parseReportForm('7', report({ evidenceUrl: 'javascript:alert(1)' })).errors.evidenceUrl,
    ).toBeDefined();
    expect(isWebAddress('https://khanhhoa.gov.vn/van-ban')).toBe(true);
    expect(isWebAddress('ftp://khanhhoa.gov.vn/a.pdf')).toBe(false);
    expect(parseReportForm('7', report({ status: 'CANCELLED' })).errors.status).toBeDefined();
  });
});
