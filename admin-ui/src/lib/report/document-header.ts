// The header of an administrative document as Decree 30/2020/NĐ-CP (Appendix I) lays it out, for the
// printed report: on the left the governing authority and the issuing body (uppercase, the body in
// bold) with the number "Số: …/BC-…"; on the right the national name and motto; below it the place
// and date; at the end the recipients (Nơi nhận). The Internal Affairs office (Sở Nội vụ) reports for
// the province, to the province and the Ministry of Home Affairs; a commune's People's Committee for
// its commune and a department for itself, to the province and the Internal Affairs office that
// compiles them. Pure; document-header.test.ts.

export interface DocumentIssuer {
  name: string;
  level: string;
  /** Parent, then grandparent (a commune or department's province). */
  ancestors: { name: string; level: string }[];
}

export interface DocumentHeader {
  /** The governing authority, e.g. "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"; "ỦY BAN NHÂN DÂN" above a commune's name. */
  authority: string;
  /** The issuing body, e.g. "SỞ NỘI VỤ", "XÃ NINH PHƯỚC". */
  issuer: string;
  /** "Số: …/BC-SNV". */
  number: string;
  /**
   * The place name of the date line (Decree 30/2020, Appendix I): where the issuer sits — the
   * province for the province's bodies ("Khánh Hòa"), the commune's own name for a commune ("Phước Hậu").
   */
  place: string;
  /** The signing title, e.g. "GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH". */
  signer: string;
  /** The lines of "Nơi nhận", the storing office last. */
  recipients: string[];
}

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');

/**
 * A part's heading in capitals, as a printed report writes it, except the symbols of documents
 * ("766/QĐ-TTg", "61/2018/NĐ-CP"): a symbol is written as issued, and "QĐ-TTG" is not the Prime
 * Minister's (TTg) symbol. A symbol is a word holding a "/".
 */
export function headingCase(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => (word.includes('/') ? word : upper(word)))
    .join('');
}
/** "Tỉnh Khánh Hòa" → "Khánh Hòa". */
const provinceName = (name: string) => name.replace(/^Tỉnh\s+/i, '').replace(/\s*\(.*\)$/, '');
/** "Xã Phước Hậu" → "Phước Hậu"; a numbered ward keeps its kind ("Phường 1"). */
const communeName = (name: string) => {
  const proper = name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/i, '').replace(/\s*\(.*\)$/, '');
  return /^\d/.test(proper) ? name : proper;
};
/** A commune or department reports to the province, through the office that compiles the reports. */
const TO_PROVINCE = ['Ủy ban nhân dân tỉnh (để báo cáo);', 'Sở Nội vụ (để tổng hợp);', 'Lưu: VT.'];

export function documentHeader(unit: DocumentIssuer): DocumentHeader {
  const province =
    unit.level === 'PROVINCE' ? unit : (unit.ancestors.find((a) => a.level === 'PROVINCE') ?? null);
  const place = province ? provinceName(province.name) : '';
  const provinceCommittee = `ỦY BAN NHÂN DÂN ${upper(province ? `tỉnh ${place}` : '')}`.trim();
  if (unit.level === 'PROVINCE') {
    return {
      authority: provinceCommittee,
      issuer: 'SỞ NỘI VỤ',
      number: 'Số: …/BC-SNV',
      place,
      signer: 'GIÁM ĐỐC',
      recipients: [
        'Ủy ban nhân dân tỉnh (để báo cáo);',
        'Bộ Nội vụ (để báo cáo);',
        'Văn phòng Ủy ban nhân dân tỉnh;',
        'Lưu: VT.',
      ],
    };
  }
  if (unit.level === 'COMMUNE') {
    return {
      authority: 'ỦY BAN NHÂN DÂN',
      issuer: upper(unit.name),
      number: 'Số: …/BC-UBND',
      place: communeName(unit.name),
      signer: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH',
      recipients: TO_PROVINCE,
    };
  }
  // A department: "Sở Tư pháp tỉnh Khánh Hòa" → "SỞ TƯ PHÁP" under the province's committee.
  const short = place ? unit.name.replace(new RegExp(`\\s+tỉnh\\s+${place}$`, 'i'), '') : unit.name;
  return {
    authority: provinceCommittee,
    issuer: upper(short),
    number: 'Số: …/BC-…',
    place,
    signer: 'THỦ TRƯỞNG CƠ QUAN',
    recipients: TO_PROVINCE,
  };
}
