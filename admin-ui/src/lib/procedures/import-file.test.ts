import { describe, expect, it } from 'vitest';
import { checkImportFile, importContent, importFormatOf, MAX_IMPORT_BYTES } from './import-file';

describe('importFormatOf', () => {
  it('goes by the extension, in any case', () => {
    expect(importFormatOf('danh-muc.XLSX', '')).toBe('XLSX');
    expect(importFormatOf('thu-tuc.csv', 'application/vnd.ms-excel')).toBe('CSV');
    expect(importFormatOf('goi-thu-tuc.json', '')).toBe('JSON');
  });

  it('falls back to the declared type, and refuses other files', () => {
    expect(importFormatOf('tai-lieu', 'text/csv; charset=utf-8')).toBe('CSV');
    expect(importFormatOf('bang.xls', 'application/vnd.ms-excel')).toBeNull();
    expect(importFormatOf('anh.png', 'image/png')).toBeNull();
  });
});

describe('checkImportFile', () => {
  it('says what is wrong with the file before it is sent', () => {
    expect(checkImportFile(null)).toMatch(/^Chọn tệp/);
    expect(checkImportFile({ name: 'a.csv', size: 0, type: '' })).toMatch(/^Chọn tệp/);
    expect(checkImportFile({ name: 'a.csv', size: MAX_IMPORT_BYTES + 1, type: '' })).toMatch(/10 MB/);
    expect(checkImportFile({ name: 'a.doc', size: 10, type: '' })).toMatch(/^Chỉ nhận/);
    expect(checkImportFile({ name: 'a.xlsx', size: 10, type: '' })).toBeNull();
  });
});

describe('importContent', () => {
  it('sends a workbook in base64 and a text file as text without its BOM', () => {
    expect(importContent(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'XLSX')).toBe('UEsDBA==');
    const csv = new TextEncoder().encode('\uFEFFMã thủ tục;Tên thủ tục\n1.001193;Đăng ký khai sinh');
    expect(importContent(csv, 'CSV')).toBe('Mã thủ tục;Tên thủ tục\n1.001193;Đăng ký khai sinh');
  });
});
