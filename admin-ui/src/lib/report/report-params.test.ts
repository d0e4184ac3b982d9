import { describe, expect, it } from 'vitest';
import {
  exportHref,
  formatBytes,
  isReportFile,
  periodOption,
  pickerQuery,
  reportAddress,
  reportQuery,
} from './report-params';

const TODAY = '2026-11-27';

describe('reportAddress', () => {
  it('a quarter, six months or a year of the address', () => {
    const q = reportAddress(new URLSearchParams('don-vi=56&ky=quy&nam=2026&so=3'), TODAY);
    expect(q).toMatchObject({ agencyCode: '56', range: { from: '2026-07-01', to: '2026-09-30' } });
    const h = reportAddress(new URLSearchParams('ky=6-thang&nam=2026&so=1'), TODAY);
    expect(h.range).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(h.agencyCode).toBeNull();
    expect(reportAddress(new URLSearchParams('ky=nam&nam=2025'), TODAY).range).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('a month or a custom range falls back to the quarter of today (27/11 → Q4)', () => {
    const m = reportAddress(new URLSearchParams('ky=thang&nam=2026&so=2'), TODAY);
    expect(m.period).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(reportAddress(new URLSearchParams('don-vi=<script>'), TODAY).agencyCode).toBeNull();
  });

  it('round-trips through reportQuery', () => {
    const query = reportQuery('22870', { kind: 'half', year: 2026, half: 2 });
    expect(query).toBe('don-vi=22870&ky=6-thang&nam=2026&so=2');
    expect(reportAddress(new URLSearchParams(query), TODAY).range).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
  });
});

describe('files', () => {
  it('the relay’s address and the files it passes on', () => {
    expect(exportHref('report.xlsx', '56', { from: '2026-07-01', to: '2026-09-30' })).toBe(
      '/reports/export/report.xlsx?agency=56&from=2026-07-01&to=2026-09-30',
    );
    expect(isReportFile('report.xlsx')).toBe(true);
    expect(isReportFile('report-don-vi.csv')).toBe(true);
    expect(isReportFile('procedures.xlsx')).toBe(false);
    expect(isReportFile('report-../x.csv')).toBe(false);
  });

  it('bytes received: 1 KB = 1,024 bytes', () => {
    expect(formatBytes(512)).toBe('512 byte');
    // 12,595 / 1,024 = 12.3
    expect(formatBytes(12_595)).toBe('12,3 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });
});

describe('the period picker', () => {
  it('sends ky-so; the address says ky, nam, so', () => {
    expect(pickerQuery(new URLSearchParams('don-vi=56&nam=2026&ky-so=quy-3'))).toBe(
      'don-vi=56&ky=quy&nam=2026&so=3',
    );
    expect(pickerQuery(new URLSearchParams('don-vi=56&nam=2026&ky-so=6-thang-2'))).toBe(
      'don-vi=56&ky=6-thang&nam=2026&so=2',
    );
    expect(pickerQuery(new URLSearchParams('nam=2025&ky-so=nam'))).toBe('ky=nam&nam=2025');
    expect(pickerQuery(new URLSearchParams('ky=quy&nam=2026&so=1'))).toBeNull();
  });

  it('the option of a period', () => {
    expect(periodOption({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('quy-3');
    expect(periodOption({ kind: 'half', year: 2026, half: 1 })).toBe('6-thang-1');
    expect(periodOption({ kind: 'year', year: 2026 })).toBe('nam');
  });
});
