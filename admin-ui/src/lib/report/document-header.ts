// The header of an administrative document as Decree 30/2020/NĐ-CP (Appendix I) lays it out, for the
// printed report: on the left the governing authority and the issuing body (uppercase, the body in
// bold) with the number "Số: …/BC-…"; on the right the national name and motto; below it the place
// and date. The Internal Affairs office (Sở Nội vụ) reports for the province; a commune's People's
// Committee for its commune; a department for itself. Pure; document-header.test.ts.

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
  /** The place name of the date line: the province, e.g. "Khánh Hòa". */
  place: string;
  /** The signing title, e.g. "GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH". */
  signer: string;
}

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');
/** "Tỉnh Khánh Hòa" → "Khánh Hòa". */
const provinceName = (name: string) => name.replace(/^Tỉnh\s+/i, '').replace(/\s*\(.*\)$/, '');

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
    };
  }
  if (unit.level === 'COMMUNE') {
    return {
      authority: 'ỦY BAN NHÂN DÂN',
      issuer: upper(unit.name),
      number: 'Số: …/BC-UBND',
      place,
      signer: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH',
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
  };
}
