import { describe, expect, it } from 'vitest';
import { draftFromForm, emptyDraft, parseDraft } from './draft';
import { applyRowButton, errorsOnForm, parseOriginal, readSubmission } from './form-action';

function asForm(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('applyRowButton', () => {
  it('adds a blank row to the group of "Thêm dòng"', () => {
    const draft = emptyDraft();
    const next = applyRowButton(draft, asForm([['addRow', 'legalBasis']]));
    expect(next.legalBasis).toHaveLength(draft.legalBasis.length + 1);
  });

  it('removes the row of "Xóa dòng" and keeps a blank row to fill', () => {
    const form = asForm([
      ['fees.0.name', 'Lệ phí A'],
      ['fees.1.name', 'Lệ phí B'],
      ['removeRow', 'fees.0'],
    ]);
    const next = applyRowButton(draftFromForm(form), form);
    expect(next.fees.map((fee) => fee.name)).toEqual(['Lệ phí B', '']);
  });

  it('ignores a button value that names no group', () => {
    const draft = emptyDraft();
    expect(applyRowButton(draft, asForm([['addRow', 'timeLimits']]))).toBe(draft);
    expect(applyRowButton(draft, asForm([['removeRow', '__proto__.0']]))).toBe(draft);
  });
});

describe('parseOriginal', () => {
  it('reads the record the edit started from, only for the procedure being saved', () => {
    const original = JSON.stringify(parseDraft(emptyDraft()).input);
    expect(parseOriginal(original, '')).toMatchObject({ onlineLevel: 'INFO_ONLY' });
    expect(parseOriginal(original, '1.001193')).toBeNull();
    expect(parseOriginal('{not json', '')).toBeNull();
    expect(parseOriginal(null, '')).toBeNull();
  });

  it('comes with the submission', () => {
    expect(readSubmission(asForm([['original', '{"code":"1.001193"}']])).original).toBe(
      '{"code":"1.001193"}',
    );
  });
});

describe('errorsOnForm', () => {
  it('places the API’s errors on the rows and channels of the form, and the rest on the form', () => {
    const { rows } = parseDraft(
      draftFromForm(
        asForm([
          ['timeLimits.ONLINE.value', '400'],
          ['steps.0.steps', ''],
          ['steps.1.steps', 'Nộp hồ sơ'],
        ]),
      ),
    );
    const errors = errorsOnForm(
      [
        {
          field: ['input', 'timeLimits', '0', 'value'],
          code: 'INVALID_TIME_LIMIT',
          message: 'Thời hạn quá dài.',
        },
        { field: ['input', 'steps', '0', 'steps', '0'], code: 'TEXT_TOO_LONG', message: 'Bước quá dài.' },
        { field: null, code: 'FORBIDDEN', message: 'Bạn không có quyền sửa danh mục thủ tục.' },
      ],
      rows,
    );
    expect(errors).toEqual({
      'timeLimits.ONLINE.value': 'Thời hạn quá dài.',
      // The form has one textarea for the steps of a case: a step's error goes to it.
      'steps.1.steps': 'Bước quá dài.',
      '': 'Bạn không có quyền sửa danh mục thủ tục.',
    });
  });
});
