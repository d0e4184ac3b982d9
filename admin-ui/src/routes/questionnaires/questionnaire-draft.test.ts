import { describe, expect, it } from 'vitest';
import {
  type Draft,
  draftErrors,
  draftFrom,
  draftFromForm,
  emptyQuestion,
  publishInputOf,
  type QuestionnaireVersion,
} from './questionnaire-draft';

const version: QuestionnaireVersion & { version: number } = {
  code: 'SIPAS-2640',
  kind: 'SIPAS',
  version: 1,
  name: 'Phiếu khảo sát sự hài lòng',
  basis: 'Quyết định 2640/QĐ-BNV',
  scales: [
    {
      code: 'HAI-LONG-5',
      name: 'Mức độ hài lòng',
      positiveFrom: 4,
      levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Mức ${value}` })),
    },
  ],
  factors: [
    {
      code: 'F1',
      name: 'Tiếp cận dịch vụ',
      criteria: [{ code: 'F1.1', text: 'Nơi ngồi chờ có đủ chỗ ngồi' }],
    },
  ],
  questions: [
    {
      code: 'ND-F1.1',
      kind: 'ASSESSMENT',
      text: 'Đồng ý với nhận định?',
      factor: { code: 'F1' },
      criterion: { code: 'F1.1' },
      scale: { code: 'HAI-LONG-5' },
      options: [],
    },
    {
      code: 'HL-F1',
      kind: 'SATISFACTION',
      text: 'Ông/Bà hài lòng như thế nào?',
      factor: { code: 'F1' },
      criterion: null,
      scale: { code: 'HAI-LONG-5' },
      options: [],
    },
    {
      code: 'MD',
      kind: 'EXPECTATION',
      text: 'Ông/Bà mong muốn cải thiện nội dung nào?',
      factor: null,
      criterion: null,
      scale: null,
      options: [
        { code: 'MD-1', text: 'Rút ngắn thời gian' },
        { code: 'MD-3', text: 'Giảm giấy tờ' },
      ],
    },
  ],
};

/** The form as the page renders it: every field of the draft under its key. */
function formOf(draft: Draft): FormData {
  const form = new FormData();
  form.set('code', draft.code);
  form.set('kind', draft.kind);
  form.set('fromVersion', String(draft.fromVersion));
  form.set('name', draft.name);
  form.set('basis', draft.basis);
  draft.scales.forEach((s, i) => {
    form.set(`scales.${i}.code`, s.code);
    form.set(`scales.${i}.name`, s.name);
    form.set(`scales.${i}.positiveFrom`, s.positiveFrom);
    s.levels.forEach((l, j) => {
      form.set(`scales.${i}.levels.${j}.value`, l.value);
      form.set(`scales.${i}.levels.${j}.label`, l.label);
    });
  });
  draft.factors.forEach((f, i) => {
    form.set(`factors.${i}.code`, f.code);
    form.set(`factors.${i}.name`, f.name);
    f.criteria.forEach((c, j) => {
      form.set(`factors.${i}.criteria.${j}.code`, c.code);
      form.set(`factors.${i}.criteria.${j}.text`, c.text);
    });
  });
  draft.questions.forEach((q, i) => {
    for (const key of [
      'code',
      'kind',
      'text',
      'factorCode',
      'criterionCode',
      'scaleCode',
      'newOptions',
    ] as const)
      form.set(`questions.${i}.${key}`, q[key]);
    form.set(`questions.${i}.existing`, String(q.existing));
    if (q.remove) form.set(`questions.${i}.remove`, 'on');
    q.options.forEach((o, j) => {
      form.set(`questions.${i}.options.${j}.code`, o.code);
      form.set(`questions.${i}.options.${j}.text`, o.text);
    });
  });
  return form;
}

describe('a new version from the current one', () => {
  it('copies the version, and the form gives the same draft back', () => {
    const draft = draftFrom(version);
    expect(draft.questions.map((q) => [q.code, q.factorCode, q.criterionCode])).toEqual([
      // A question on a criterion names the criterion only; a factor-level one its factor.
      ['ND-F1.1', '', 'F1.1'],
      ['HL-F1', 'F1', ''],
      ['MD', '', ''],
    ]);
    expect(draftFromForm(formOf(draft))).toEqual(draft);
  });

  it('unchanged, it publishes the same content', () => {
    const { input, questionRows } = publishInputOf(draftFrom(version));
    expect(questionRows).toEqual([0, 1, 2]);
    expect(input).toMatchObject({ code: 'SIPAS-2640', kind: 'SIPAS', basis: 'Quyết định 2640/QĐ-BNV' });
    expect(input.scales[0]).toEqual(version.scales[0]);
    expect(input.questions[2]).toEqual({
      code: 'MD',
      kind: 'EXPECTATION',
      text: 'Ông/Bà mong muốn cải thiện nội dung nào?',
      factorCode: null,
      criterionCode: null,
      scaleCode: null,
      options: version.questions[2]!.options,
    });
  });

  it('edits texts, removes a question, adds options and a question; skips the blank new row', () => {
    const draft = draftFrom(version);
    draft.name = '  Phiếu khảo sát 2026 ';
    draft.questions[0]!.remove = true;
    // New options get codes after those in use: MD-1 exists, so MD-2, then MD-3 exists → MD-4.
    draft.questions[2]!.newOptions = 'Thái độ phục vụ\n\n  Cơ sở vật chất ';
    draft.questions.push(
      {
        ...emptyQuestion(),
        code: 'HL-CHUNG',
        kind: 'QUICK',
        text: 'Hài lòng chung?',
        scaleCode: 'HAI-LONG-5',
      },
      emptyQuestion(),
    );
    const { input, questionRows } = publishInputOf(draftFromForm(formOf(draft)));
    expect(input.name).toBe('Phiếu khảo sát 2026');
    expect(input.questions.map((q) => q.code)).toEqual(['HL-F1', 'MD', 'HL-CHUNG']);
    expect(questionRows).toEqual([1, 2, 3]);
    expect(input.questions[1]!.options).toEqual([
      { code: 'MD-1', text: 'Rút ngắn thời gian' },
      { code: 'MD-3', text: 'Giảm giấy tờ' },
      { code: 'MD-2', text: 'Thái độ phục vụ' },
      { code: 'MD-4', text: 'Cơ sở vật chất' },
    ]);
  });
});

describe('draftErrors', () => {
  it('puts the API errors next to the form fields, question positions mapped back to rows', () => {
    const draft = draftFrom(version);
    draft.questions[0]!.remove = true;
    draft.questions.push({ ...emptyQuestion(), code: 'x y', kind: 'SATISFACTION', text: 'Mới?' });
    const { questionRows } = publishInputOf(draft);
    const errors = draftErrors(
      [
        { field: ['input', 'name'], message: 'Nội dung không được để trống.' },
        // API position 0 is the form's row 1 (row 0 was removed).
        { field: ['input', 'questions', '0', 'text'], message: 'Nội dung dài tối đa 1000 ký tự.' },
        // The new question (API position 2, form row 3): its own code and scale fields.
        { field: ['input', 'questions', '2', 'code'], message: 'Mã "x y" không hợp lệ.' },
        { field: ['input', 'questions', '2', 'scaleCode'], message: 'Câu hỏi này cần một thang đo.' },
        // Option 2 of MD did not exist: it was a new line.
        {
          field: ['input', 'questions', '1', 'options', '2', 'text'],
          message: 'Nội dung không được để trống.',
        },
        { field: ['input', 'scales', '0', 'levels', '1', 'label'], message: 'Nội dung không được để trống.' },
        { field: ['input', 'factors', '0'], message: 'Yếu tố "F1" chưa có câu hỏi mức độ hài lòng.' },
        { field: null, message: 'Lỗi chung.' },
      ],
      questionRows,
      draft,
    );
    expect(errors).toEqual({
      name: 'Nội dung không được để trống.',
      'questions.1.text': 'Nội dung dài tối đa 1000 ký tự.',
      'questions.3.code': 'Mã "x y" không hợp lệ.',
      'questions.3.scaleCode': 'Câu hỏi này cần một thang đo.',
      'questions.2.newOptions': 'Nội dung không được để trống.',
      'scales.0.levels.1.label': 'Nội dung không được để trống.',
      'factors.0.name': 'Yếu tố "F1" chưa có câu hỏi mức độ hài lòng.',
      '': 'Lỗi chung.',
    });
  });
});
