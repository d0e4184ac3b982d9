import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../form-errors';
import {
  addRow,
  changedFields,
  draftFromForm,
  draftFromRecord,
  emptyDraft,
  formKeys,
  isFormKey,
  parseDraft,
  type RecordInput,
  removeRow,
} from './draft';

/** Thủ tục đăng ký khai sinh as the API might give it (values chosen for the checks below). */
const birthRegistration: RecordInput = {
  code: '1.001193',
  variantCode: null,
  name: 'Thủ tục đăng ký khai sinh',
  sectorCode: 'ho-tich',
  levels: ['COMMUNE'],
  onlineLevel: 'FULL',
  eligibleForFullOnline: true,
  sameDayCutoff: '15:00',
  timeLimits: [
    { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: null },
    { channel: 'ONLINE', value: 0.5, unit: 'WORKING_DAYS', note: 'Nhận kết quả qua thư điện tử' },
  ],
  fees: [{ channel: null, name: 'Lệ phí đăng ký khai sinh', amountVnd: null, note: 'Miễn đối với trẻ em' }],
  steps: [{ case: null, steps: ['Nộp hồ sơ', 'Công chức tư pháp - hộ tịch kiểm tra'] }],
  channelsText: 'Trực tiếp hoặc trực tuyến',
  dossierComponents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'Mẫu TK-KS' }],
  applicants: ['Công dân Việt Nam'],
  implementingText: 'UBND cấp xã',
  agencyCodes: ['22873', '22870'],
  results: ['Giấy khai sinh (bản chính)'],
  forms: [{ name: 'Tờ khai đăng ký khai sinh', url: null }],
  conditions: null,
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  decisionNumber: '1872/QĐ-BTP',
  decisionDate: '2020-09-01',
  effectiveFrom: '2020-09-15',
  effectiveTo: null,
  source: null,
};

/** What a browser sends for a draft, control by control. */
function asForm(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('draftFromRecord → parseDraft', () => {
  it('gives back the record unchanged when the official changes nothing', () => {
    const { input, errors } = parseDraft(draftFromRecord(birthRegistration));
    expect(errors).toEqual({});
    expect(input).toEqual(birthRegistration);
  });

  it('writes a decimal limit with a comma for the form and reads it back', () => {
    const draft = draftFromRecord(birthRegistration);
    expect(draft.timeLimits.ONLINE.value).toBe('0,5');
    expect(draft.timeLimits.POSTAL.value).toBe('');
  });

  it('adds one blank row to each repeating group, to be filled without JavaScript', () => {
    const draft = draftFromRecord(birthRegistration);
    expect(draft.fees).toHaveLength(2);
    expect(draft.fees[1]).toEqual({ channel: '', name: '', amountVnd: '', note: '' });
  });
});

describe('draftFromForm and parseDraft', () => {
  const submitted = asForm([
    ['code', ' 1.009999 '],
    ['name', 'Thủ tục cấp phép thử nghiệm'],
    ['sectorCode', 'ho-tich'],
    ['levels', 'COMMUNE'],
    ['levels', 'PROVINCE'],
    ['onlineLevel', 'PARTIAL'],
    ['timeLimits.IN_PERSON.value', '15'],
    ['timeLimits.IN_PERSON.unit', 'WORKING_DAYS'],
    ['timeLimits.IN_PERSON.note', ''],
    ['timeLimits.ONLINE.value', ''],
    ['timeLimits.ONLINE.unit', 'WORKING_DAYS'],
    ['timeLimits.POSTAL.value', '4'],
    ['timeLimits.POSTAL.unit', 'HOURS'],
    // Fee row 0 left blank, row 1 filled: input fees[0] is form row 1.
    ['fees.0.channel', ''],
    ['fees.0.name', ''],
    ['fees.0.amountVnd', ''],
    ['fees.0.note', ''],
    ['fees.1.channel', 'ONLINE'],
    ['fees.1.name', 'Phí thẩm định'],
    ['fees.1.amountVnd', '1.200.000'],
    ['fees.1.note', ''],
    ['steps.0.case', ''],
    ['steps.0.steps', 'Nộp hồ sơ\r\n\r\n  Nhận kết quả  '],
    ['applicants', 'Công dân Việt Nam\nNgười nước ngoài cư trú tại Việt Nam'],
    ['agencyCodes', '22873, 22870\n22871'],
  ]);

  it('reads every control, keeps the rows and their order, and drops blank rows from the input', () => {
    const draft = draftFromForm(submitted);
    expect(draft.code).toBe('1.009999');
    expect(draft.levels).toEqual(['COMMUNE', 'PROVINCE']);
    expect(draft.eligibleForFullOnline).toBe(false);
    expect(draft.fees).toHaveLength(2);

    const { input, errors, rows } = parseDraft(draft);
    expect(errors).toEqual({});
    // 15 working days in person, 4 working hours by post; online has no limit (left blank).
    expect(input.timeLimits).toEqual([
      { channel: 'IN_PERSON', value: 15, unit: 'WORKING_DAYS', note: null },
      { channel: 'POSTAL', value: 4, unit: 'HOURS', note: null },
    ]);
    // 1.200.000 đồng written with thousands dots is 1,200,000.
    expect(input.fees).toEqual([
      { channel: 'ONLINE', name: 'Phí thẩm định', amountVnd: 1200000, note: null },
    ]);
    expect(input.steps).toEqual([{ case: null, steps: ['Nộp hồ sơ', 'Nhận kết quả'] }]);
    expect(input.applicants).toEqual(['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam']);
    expect(input.agencyCodes).toEqual(['22873', '22870', '22871']);
    expect(rows.fees).toEqual(['fees.1']);
    expect(rows.timeLimits).toEqual(['timeLimits.IN_PERSON', 'timeLimits.POSTAL']);
  });

  it('says which control holds something that is not a number', () => {
    const { errors } = parseDraft(
      draftFromForm(
        asForm([
          ['timeLimits.ONLINE.value', 'mười lăm'],
          ['fees.0.name', 'Lệ phí'],
          ['fees.0.amountVnd', '50,000đ'],
          ['dossierComponents.0.name', 'Tờ khai'],
          ['dossierComponents.0.copies', '1,5'],
        ]),
      ),
    );
    expect(errors).toEqual({
      'timeLimits.ONLINE.value': 'Thời hạn phải là một số, ví dụ 15 hoặc 0,5.',
      'fees.0.amountVnd':
        'Mức phí phải là số đồng, ví dụ 50000 hoặc 50.000; để trống nếu theo quy định của HĐND tỉnh.',
      'dossierComponents.0.copies': 'Số lượng phải là số nguyên, ví dụ 1.',
    });
  });

  it('refuses values that no list of the form offers (a forged form), and drops unknown levels', () => {
    const { input, errors } = parseDraft(
      draftFromForm(
        asForm([
          ['onlineLevel', 'LEVEL_4'],
          ['levels', 'COMMUNE'],
          ['levels', 'toString'],
          ['timeLimits.IN_PERSON.value', '5'],
          ['timeLimits.IN_PERSON.unit', 'WEEKS'],
          ['fees.0.name', 'Lệ phí'],
          ['fees.0.channel', 'FAX'],
        ]),
      ),
    );
    expect(errors).toEqual({
      onlineLevel: 'Chọn mức độ trong danh sách.',
      'timeLimits.IN_PERSON.unit': 'Chọn đơn vị tính trong danh sách.',
      'fees.0.channel': 'Chọn cách thức trong danh sách.',
    });
    expect(input.levels).toEqual(['COMMUNE']);
  });

  it('asks for the value of a limit that has only a note', () => {
    const { errors } = parseDraft(
      draftFromForm(asForm([['timeLimits.POSTAL.note', 'Cộng thời gian chuyển phát']])),
    );
    expect(errors['timeLimits.POSTAL.value']).toMatch(/^Nhập thời hạn/);
  });

  it('ignores row indexes beyond what a form can hold', () => {
    const draft = draftFromForm(asForm([['fees.999.name', 'x']]));
    expect(draft.fees).toEqual([]);
  });
});

describe('formKeys', () => {
  it('puts the API’s errors on the rows the official filled', () => {
    const { rows } = parseDraft(
      draftFromForm(
        asForm([
          ['timeLimits.POSTAL.value', '0'],
          ['fees.0.name', ''],
          ['fees.1.name', 'Phí'],
          ['fees.1.amountVnd', '5'],
        ]),
      ),
    );
    const apiErrors = toFieldErrors([
      { field: ['input', 'timeLimits', '0', 'value'], message: 'Thời hạn phải lớn hơn 0.' },
      { field: ['input', 'fees', '0', 'amountVnd'], message: 'Mức phí quá nhỏ.' },
      { field: ['input', 'name'], message: 'Tên thủ tục không được để trống.' },
    ]);
    expect(formKeys(apiErrors, rows)).toEqual({
      'timeLimits.POSTAL.value': 'Thời hạn phải lớn hơn 0.',
      'fees.1.amountVnd': 'Mức phí quá nhỏ.',
      name: 'Tên thủ tục không được để trống.',
    });
  });

  it('knows which keys the form shows', () => {
    expect(isFormKey('name')).toBe(true);
    expect(isFormKey('timeLimits.ONLINE.value')).toBe(true);
    expect(isFormKey('fees.1.amountVnd')).toBe(true);
    expect(isFormKey('fees')).toBe(true);
    expect(isFormKey('steps.0.case')).toBe(true);
    // One textarea holds the steps of a case, one line each: a step has no control of its own.
    expect(isFormKey('steps.0.steps.3')).toBe(false);
    expect(isFormKey('applicants.2')).toBe(false);
    expect(isFormKey('fees.0.constructor')).toBe(false);
    expect(isFormKey('timeLimits.0')).toBe(false);
    expect(isFormKey('unknownField')).toBe(false);
  });
});

describe('changedFields', () => {
  const before = parseDraft(draftFromRecord(birthRegistration)).input;

  it('sends only what the official changed', () => {
    const draft = draftFromRecord(birthRegistration);
    draft.timeLimits.IN_PERSON.value = '3';
    draft.name = 'Thủ tục đăng ký khai sinh ';
    const after = parseDraft(draft).input;
    expect(changedFields(before, after)).toEqual({
      timeLimits: [
        { channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS', note: null },
        { channel: 'ONLINE', value: 0.5, unit: 'WORKING_DAYS', note: 'Nhận kết quả qua thư điện tử' },
      ],
    });
  });

  it('sends nothing when the agencies are only listed in another order', () => {
    const draft = draftFromRecord(birthRegistration);
    draft.agencyCodes = '22870 22873';
    expect(changedFields(before, parseDraft(draft).input)).toEqual({});
  });

  it('clears a field the official emptied', () => {
    const draft = draftFromRecord(birthRegistration);
    draft.sameDayCutoff = '';
    draft.legalBasis = [];
    expect(changedFields(before, parseDraft(draft).input)).toEqual({ sameDayCutoff: null, legalBasis: [] });
  });
});

describe('addRow and removeRow', () => {
  it('adds a blank row at the end and removes the row asked for', () => {
    const draft = emptyDraft();
    expect(draft.forms).toHaveLength(1);
    const more = addRow(draft, 'forms');
    expect(more.forms).toHaveLength(2);
    more.forms[0] = { name: 'Mẫu 01', url: '' };
    expect(removeRow(more, 'forms', 0).forms).toEqual([{ name: '', url: '' }]);
  });
});
