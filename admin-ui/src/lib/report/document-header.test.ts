import { describe, expect, it } from 'vitest';
import { documentHeader, headingCase } from './document-header';

const KHANH_HOA = { name: 'Tỉnh Khánh Hòa', level: 'PROVINCE' };

describe('documentHeader (Decree 30/2020/NĐ-CP)', () => {
  it('the province’s report: the Internal Affairs office under the province’s committee', () => {
    expect(documentHeader({ ...KHANH_HOA, ancestors: [] })).toEqual({
      authority: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      issuer: 'SỞ NỘI VỤ',
      number: 'Số: …/BC-SNV',
      place: 'Khánh Hòa',
      signer: 'GIÁM ĐỐC',
      recipients: [
        'Ủy ban nhân dân tỉnh (để báo cáo);',
        'Bộ Nội vụ (để báo cáo);',
        'Văn phòng Ủy ban nhân dân tỉnh;',
        'Lưu: VT.',
      ],
    });
  });

  // Decree 30/2020, Appendix I: a commune's documents carry the commune's own name as the place
  // ("Ninh Phước, ngày …"), and a commune reports to the province, not to the Ministry.
  it('a commune’s report: its People’s Committee, dated in the commune, sent to the province', () => {
    expect(documentHeader({ name: 'Xã Ninh Phước', level: 'COMMUNE', ancestors: [KHANH_HOA] })).toMatchObject(
      {
        authority: 'ỦY BAN NHÂN DÂN',
        issuer: 'XÃ NINH PHƯỚC',
        number: 'Số: …/BC-UBND',
        place: 'Ninh Phước',
        recipients: ['Ủy ban nhân dân tỉnh (để báo cáo);', 'Sở Nội vụ (để tổng hợp);', 'Lưu: VT.'],
      },
    );
  });

  it('a department’s report: its name without the province', () => {
    expect(
      documentHeader({ name: 'Sở Tư pháp tỉnh Khánh Hòa', level: 'DEPARTMENT', ancestors: [KHANH_HOA] }),
    ).toMatchObject({
      authority: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      issuer: 'SỞ TƯ PHÁP',
      place: 'Khánh Hòa',
    });
  });

  it('a numbered ward keeps its kind in the place name', () => {
    expect(documentHeader({ name: 'Phường 1', level: 'COMMUNE', ancestors: [KHANH_HOA] }).place).toBe(
      'Phường 1',
    );
  });
});

describe('headingCase', () => {
  it('capitalises a heading but writes document symbols as issued', () => {
    expect(headingCase('Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)')).toBe(
      'BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)',
    );
    expect(headingCase('Đánh giá theo Nghị định 61/2018/NĐ-CP (9 tiêu chí)')).toBe(
      'ĐÁNH GIÁ THEO NGHỊ ĐỊNH 61/2018/NĐ-CP (9 TIÊU CHÍ)',
    );
    expect(headingCase('Mức độ hài lòng và Chỉ số SIPAS')).toBe('MỨC ĐỘ HÀI LÒNG VÀ CHỈ SỐ SIPAS');
  });
});
