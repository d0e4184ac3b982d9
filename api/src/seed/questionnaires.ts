// The survey instruments, as data (docs/domain.md §4.3: "the instrument must be data, not code"):
// the SIPAS questionnaire of Decision 2640/QĐ-BNV (5 factors, 22 criteria, each criterion assessed,
// one satisfaction question per factor, one expectation question) and the 3-level quick rating form.
import { insertColumns, type Queryable } from './bulk-insert.ts';

export const SIPAS_CODE = 'SIPAS-2640';
export const QUICK_RATING_CODE = 'DANH-GIA-NHANH';

/** Criterion wording paraphrases the 2017 form (docs/domain.md §4.3); admins can edit it in a new version. */
export const SIPAS_FACTORS: ReadonlyArray<{
  code: string;
  name: string;
  satisfaction: string;
  criteria: readonly string[];
}> = [
  {
    code: 'F1',
    name: 'Tiếp cận dịch vụ hành chính công',
    satisfaction: 'Ông/Bà hài lòng như thế nào về việc tiếp cận dịch vụ tại Bộ phận Một cửa?',
    criteria: [
      'Nơi ngồi chờ có đủ chỗ ngồi',
      'Trang thiết bị phục vụ người dân, tổ chức đầy đủ',
      'Trang thiết bị phục vụ người dân, tổ chức hiện đại',
      'Trang thiết bị phục vụ người dân, tổ chức dễ sử dụng',
    ],
  },
  {
    code: 'F2',
    name: 'Thủ tục hành chính',
    satisfaction: 'Ông/Bà hài lòng như thế nào về thủ tục hành chính đã thực hiện?',
    criteria: [
      'Thủ tục hành chính được niêm yết công khai đầy đủ',
      'Thủ tục hành chính được niêm yết công khai chính xác',
      'Thành phần hồ sơ phải nộp đúng quy định',
      'Phí, lệ phí phải nộp đúng quy định',
      'Thời hạn giải quyết (từ ngày hồ sơ được tiếp nhận đến ngày nhận kết quả) đúng quy định',
    ],
  },
  {
    code: 'F3',
    name: 'Công chức trực tiếp giải quyết công việc',
    satisfaction: 'Ông/Bà hài lòng như thế nào về công chức trực tiếp giải quyết công việc?',
    criteria: [
      'Công chức có thái độ giao tiếp lịch sự',
      'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức',
      'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức',
      'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
      'Công chức hướng dẫn kê khai hồ sơ dễ hiểu',
      'Công chức tuân thủ đúng quy định trong giải quyết công việc',
    ],
  },
  {
    code: 'F4',
    name: 'Kết quả giải quyết thủ tục hành chính',
    satisfaction: 'Ông/Bà hài lòng như thế nào về kết quả giải quyết thủ tục hành chính?',
    criteria: [
      'Kết quả giải quyết thủ tục hành chính đúng quy định',
      'Kết quả giải quyết thủ tục hành chính có thông tin đầy đủ',
      'Kết quả giải quyết thủ tục hành chính có thông tin chính xác',
    ],
  },
  {
    code: 'F5',
    name: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    satisfaction: 'Ông/Bà hài lòng như thế nào về việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị?',
    criteria: [
      'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
      'Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị',
      'Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị',
      'Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị',
    ],
  },
];

export const EXPECTATION_OPTIONS: ReadonlyArray<{ code: string; text: string }> = [
  { code: 'E1', text: 'Mở rộng hình thức thông tin để người dân, tổ chức dễ tiếp cận thủ tục hành chính' },
  { code: 'E2', text: 'Tiếp tục đơn giản hóa thủ tục hành chính' },
  { code: 'E3', text: 'Rút ngắn thời gian giải quyết thủ tục hành chính' },
  { code: 'E4', text: 'Cải thiện cơ sở vật chất, trang thiết bị tại Bộ phận Một cửa' },
  { code: 'E5', text: 'Nâng cao thái độ, tinh thần phục vụ của công chức' },
  { code: 'E6', text: 'Nâng cao năng lực giải quyết công việc của công chức' },
  { code: 'E7', text: 'Tăng cường tiếp nhận, xử lý góp ý, phản ánh, kiến nghị' },
  { code: 'E8', text: 'Mở rộng dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến' },
];

/** 5-point satisfaction scale; 4 and 5 count as satisfied (docs/domain.md §4.3 factor index). */
const SATISFACTION_LEVELS = [
  { value: 1, label: 'Rất không hài lòng' },
  { value: 2, label: 'Không hài lòng' },
  { value: 3, label: 'Bình thường' },
  { value: 4, label: 'Hài lòng' },
  { value: 5, label: 'Rất hài lòng' },
];
/**
 * Assessment (nhận định) scale: 1 = Không đồng ý (the criterion was not met), 2 = Đồng ý (it was met).
 * positiveFrom = 2, so the assessment index is the share answering 2.
 */
const ASSESSMENT_LEVELS = [
  { value: 1, label: 'Không đồng ý' },
  { value: 2, label: 'Đồng ý' },
];
/** Quick rating (docs/domain.md §4.1): 3 levels; positiveFrom 2 (hài lòng and rất hài lòng). */
const QUICK_LEVELS = [
  { value: 1, label: 'Không hài lòng' },
  { value: 2, label: 'Hài lòng' },
  { value: 3, label: 'Rất hài lòng' },
];

export interface SipasInstrument {
  questionnaireId: number;
  /** Assessment question ids per factor, in criterion order. */
  assessment: ReadonlyMap<string, readonly number[]>;
  /** Satisfaction question id per factor. */
  satisfaction: ReadonlyMap<string, number>;
  expectation: number;
}

async function insertOne(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  const result = await db.query<{ id: number }>(sql, params);
  return result.rows[0]!.id;
}

async function insertScale(
  db: Queryable,
  questionnaireId: number,
  code: string,
  name: string,
  levels: unknown,
  positiveFrom: number,
) {
  return insertOne(
    db,
    `INSERT INTO "SurveyScale" ("questionnaireId", code, name, levels, "positiveFrom") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [questionnaireId, code, name, JSON.stringify(levels), positiveFrom],
  );
}

async function insertQuestionnaire(
  db: Queryable,
  q: { code: string; kind: string; name: string; basis: string; publishedAt: Date },
): Promise<number> {
  return insertOne(
    db,
    `INSERT INTO "Questionnaire" (code, version, kind, name, basis, status, "publishedAt")
     VALUES ($1, 1, $2, $3, $4, 'PUBLISHED', $5) RETURNING id`,
    [q.code, q.kind, q.name, q.basis, q.publishedAt],
  );
}

interface QuestionRow {
  code: string;
  kind: 'ASSESSMENT' | 'SATISFACTION' | 'EXPECTATION' | 'QUICK';
  text: string;
  factorId: number | null;
  criterionId: number | null;
  scaleId: number | null;
  options: string | null;
}

async function insertQuestions(db: Queryable, questionnaireId: number, questions: readonly QuestionRow[]) {
  const rows = await insertColumns<{ id: number; code: string }>(
    db,
    'SurveyQuestion',
    [
      { name: 'questionnaireId', type: 'int' },
      { name: 'code', type: 'text' },
      { name: 'kind', type: '"SurveyQuestionKind"' },
      { name: 'text', type: 'text' },
      { name: 'position', type: 'int' },
      { name: 'factorId', type: 'int' },
      { name: 'criterionId', type: 'int' },
      { name: 'scaleId', type: 'int' },
      { name: 'options', type: 'jsonb' },
    ],
    [
      questions.map(() => questionnaireId),
      questions.map((q) => q.code),
      questions.map((q) => q.kind),
      questions.map((q) => q.text),
      questions.map((_, i) => i + 1),
      questions.map((q) => q.factorId),
      questions.map((q) => q.criterionId),
      questions.map((q) => q.scaleId),
      questions.map((q) => q.options),
    ],
    'id, code',
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function seedQuestionnaires(db: Queryable, publishedAt: Date): Promise<SipasInstrument> {
  const sipasId = await insertQuestionnaire(db, {
    code: SIPAS_CODE,
    kind: 'SIPAS',
    name: 'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
    basis:
      'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ trưởng Bộ Nội vụ (Đề án đo lường sự hài lòng SIPAS 2017–2020)',
    publishedAt,
  });
  const satisfactionScale = await insertScale(
    db,
    sipasId,
    'HAI-LONG-5',
    'Mức độ hài lòng (5 mức)',
    SATISFACTION_LEVELS,
    4,
  );
  const assessmentScale = await insertScale(
    db,
    sipasId,
    'NHAN-DINH',
    'Nhận định (đồng ý / không đồng ý)',
    ASSESSMENT_LEVELS,
    2,
  );

  const factorRows = await insertColumns<{ id: number; code: string }>(
    db,
    'SurveyFactor',
    [
      { name: 'questionnaireId', type: 'int' },
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'position', type: 'int' },
    ],
    [
      SIPAS_FACTORS.map(() => sipasId),
      SIPAS_FACTORS.map((f) => f.code),
      SIPAS_FACTORS.map((f) => f.name),
      SIPAS_FACTORS.map((_, i) => i + 1),
    ],
    'id, code',
  );
  const factorIds = new Map(factorRows.map((r) => [r.code, r.id]));
  const criteria = SIPAS_FACTORS.flatMap((f) =>
    f.criteria.map((text, i) => ({ factor: f.code, code: `${f.code}.${i + 1}`, text, position: i + 1 })),
  );
  const criterionRows = await insertColumns<{ id: number; code: string }>(
    db,
    'SurveyCriterion',
    [
      { name: 'factorId', type: 'int' },
      { name: 'code', type: 'text' },
      { name: 'text', type: 'text' },
      { name: 'position', type: 'int' },
    ],
    [
      criteria.map((c) => factorIds.get(c.factor)),
      criteria.map((c) => c.code),
      criteria.map((c) => c.text),
      criteria.map((c) => c.position),
    ],
    'id, code',
  );
  const criterionIds = new Map(criterionRows.map((r) => [r.code, r.id]));

  const questions: QuestionRow[] = [];
  for (const factor of SIPAS_FACTORS) {
    factor.criteria.forEach((text, i) => {
      const code = `${factor.code}.${i + 1}`;
      questions.push({
        code: `ND-${code}`,
        kind: 'ASSESSMENT',
        text: `Ông/Bà có đồng ý với nhận định: "${text}"?`,
        factorId: factorIds.get(factor.code)!,
        criterionId: criterionIds.get(code)!,
        scaleId: assessmentScale,
        options: null,
      });
    });
    questions.push({
      code: `HL-${factor.code}`,
      kind: 'SATISFACTION',
      text: factor.satisfaction,
      factorId: factorIds.get(factor.code)!,
      criterionId: null,
      scaleId: satisfactionScale,
      options: null,
    });
  }
  questions.push({
    code: 'MD',
    kind: 'EXPECTATION',
    text: 'Ông/Bà mong muốn cơ quan hành chính nhà nước cải thiện những nội dung nào? (chọn tối đa 3 nội dung)',
    factorId: null,
    criterionId: null,
    scaleId: null,
    options: JSON.stringify(EXPECTATION_OPTIONS),
  });
  const questionIds = await insertQuestions(db, sipasId, questions);

  const quickId = await insertQuestionnaire(db, {
    code: QUICK_RATING_CODE,
    kind: 'QUICK_RATING',
    name: 'Đánh giá nhanh mức độ hài lòng khi nhận kết quả',
    basis: 'Đánh giá mức độ hài lòng tại Bộ phận Một cửa và trên Cổng dịch vụ công (3 mức)',
    publishedAt,
  });
  const quickScale = await insertScale(db, quickId, 'HAI-LONG-3', 'Mức độ hài lòng (3 mức)', QUICK_LEVELS, 2);
  await insertQuestions(db, quickId, [
    {
      code: 'DG',
      kind: 'QUICK',
      text: 'Ông/Bà đánh giá thế nào về chất lượng phục vụ khi giải quyết hồ sơ này?',
      factorId: null,
      criterionId: null,
      scaleId: quickScale,
      options: null,
    },
  ]);

  return {
    questionnaireId: sipasId,
    assessment: new Map(
      SIPAS_FACTORS.map((f) => [f.code, f.criteria.map((_, i) => questionIds.get(`ND-${f.code}.${i + 1}`)!)]),
    ),
    satisfaction: new Map(SIPAS_FACTORS.map((f) => [f.code, questionIds.get(`HL-${f.code}`)!])),
    expectation: questionIds.get('MD')!,
  };
}
