import { describe, expect, it } from 'vitest';
import { documentHeader } from './document-header';

const KHANH_HOA = { name: 'Tỉnh Khánh Hòa', level: 'PROVINCE' };

describe('documentHeader (Decree 30/2020/NĐ-CP)', () => {
  it('the province’s report: the Internal Affairs office under the province’s committee', () => {
    expect(documentHeader({ ...KHANH_HOA, ancestors: [] })).toEqual({
      authority: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      issuer: 'SỞ NỘI VỤ',
      number: 'Số: …/BC-SNV',
      place: 'Khánh Hòa',
      signer: 'GIÁM ĐỐC',
    });
  });

  it('a commune’s report: its People’s Committee, dated in the province', () => {
    expect(documentHeader({ name: 'Xã Ninh Phước', level: 'COMMUNE', ancestors: [KHANH_HOA] })).toMatchObject(
      {
        authority: 'ỦY BAN NHÂN DÂN',
        issuer: 'XÃ NINH PHƯỚC',
        number: 'Số: …/BC-UBND',
        place: 'Khánh Hòa',
      },
    );
  });

  it('a department’s report: its name without the province', () => {
    expect(
      documentHeader({ name: 'Sở Tư pháp tỉnh Khánh Hòa', level: 'DEPARTMENT', ancestors: [KHANH_HOA] }),
    ).toMatchObject({ authority: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA', issuer: 'SỞ TƯ PHÁP' });
  });
});
