// Survey instruments as data (docs/domain.md §4.3: "versioned questionnaires with factors, criteria,
// scales"). Publishing never edits a version in place: it creates version n + 1 and retires the
// previous published version, so every stored response keeps pointing at the form it answered.
import type { PrismaClient, QuestionnaireKind, SurveyQuestionKind } from '@tthc/db';
import type { ErrorCode } from '../errors.ts';
import { audit } from './audit.ts';

export interface ScaleLevel {
  value: number;
  label: string;
}

export interface ScaleInput {
  code: string;
  name: string;
  levels: ScaleLevel[];
  /** Lowest value counted as satisfied / agreeing (4 on the 5-point SIPAS scale). */
  positiveFrom?: number | null;
}

export interface FactorInput {
  code: string;
  name: string;
  criteria: { code: string; text: string }[];
}

export interface QuestionOption {
  code: string;
  text: string;
}

export interface QuestionInput {
  code: string;
  kind: SurveyQuestionKind;
  text: string;
  factorCode?: string | null;
  criterionCode?: string | null;
  scaleCode?: string | null;
  options?: QuestionOption[] | null;
}

export interface PublishQuestionnaireInput {
  code: string;
  kind: QuestionnaireKind;
  name: string;
  basis?: string | null;
  scales: ScaleInput[];
  factors: FactorInput[];
  questions: QuestionInput[];
}

/** A rejected part of the input: where (e.g. `questions[3].scaleCode`), a stable code, a message. */
export interface PathError {
  path: string;
  code: ErrorCode;
  message: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_TEXT = 1000;
const LIMITS = { scales: 20, levels: 11, factors: 30, criteria: 50, questions: 500, options: 50 } as const;
/** Questions answered on a scale; EXPECTATION questions are answered by choosing options. */
const SCALED_KINDS: ReadonlySet<SurveyQuestionKind> = new Set(['ASSESSMENT', 'SATISFACTION', 'QUICK']);

/**
 * Every problem of a questionnaire definition, with a path and a stable code; empty when it can be
 * published. Pure: the kind of earlier versions is checked by the caller (KIND_CHANGED).
 */
export function checkQuestionnaire(input: PublishQuestionnaireInput): PathError[] {
  const errors: PathError[] = [];
  const fail = (path: string, code: ErrorCode, message: string) => errors.push({ path, code, message });
  const checkCode = (path: string, code: string) => {
    if (!CODE.test(code))
      fail(path, 'INVALID_CODE', `Mã "${code}" không hợp lệ (1–40 ký tự chữ, số, . _ -).`);
  };
  const checkText = (path: string, text: string | null | undefined) => {
    if (!text?.trim()) fail(path, 'EMPTY_TEXT', 'Nội dung không được để trống.');
    else if (text.length > MAX_TEXT) fail(path, 'TEXT_TOO_LONG', `Nội dung dài tối đa ${MAX_TEXT} ký tự.`);
  };
  const checkCount = (path: string, items: readonly unknown[], max: number) => {
    if (items.length > max) fail(path, 'TOO_MANY', `Tối đa ${max} mục (nhận được ${items.length}).`);
  };
  const unique = (path: string, code: string, seen: Set<string>) => {
    if (seen.has(code)) fail(path, 'DUPLICATE_CODE', `Mã "${code}" bị trùng.`);
    seen.add(code);
  };

  checkCode('code', input.code);
  checkText('name', input.name);
  if (input.basis && input.basis.length > MAX_TEXT) {
    fail('basis', 'TEXT_TOO_LONG', `Nội dung dài tối đa ${MAX_TEXT} ký tự.`);
  }
  checkCount('scales', input.scales, LIMITS.scales);
  checkCount('factors', input.factors, LIMITS.factors);
  checkCount('questions', input.questions, LIMITS.questions);

  const scales = new Map<string, ScaleInput>();
  const scaleCodes = new Set<string>();
  input.scales.forEach((scale, i) => {
    const path = `scales[${i}]`;
    checkCode(`${path}.code`, scale.code);
    unique(`${path}.code`, scale.code, scaleCodes);
    checkText(`${path}.name`, scale.name);
    scales.set(scale.code, scale);
    const values = scale.levels.map((l) => l.value);
    if (scale.levels.length < 2 || scale.levels.length > LIMITS.levels) {
      fail(`${path}.levels`, 'INVALID_SCALE', `Thang đo cần từ 2 đến ${LIMITS.levels} mức.`);
    } else if (
      values.some((v) => !Number.isInteger(v) || v < 0 || v > 100) ||
      new Set(values).size < values.length
    ) {
      fail(`${path}.levels`, 'INVALID_SCALE', 'Giá trị các mức là số nguyên 0–100, không trùng nhau.');
    }
    for (const [j, level] of scale.levels.entries()) checkText(`${path}.levels[${j}].label`, level.label);
    if (scale.positiveFrom != null && !values.includes(scale.positiveFrom)) {
      fail(`${path}.positiveFrom`, 'INVALID_SCALE', `Mức ${scale.positiveFrom} không có trong thang đo.`);
    }
  });

  const factorCodes = new Set<string>();
  const criterionFactor = new Map<string, string>();
  input.factors.forEach((factor, i) => {
    const path = `factors[${i}]`;
    checkCode(`${path}.code`, factor.code);
    unique(`${path}.code`, factor.code, factorCodes);
    checkText(`${path}.name`, factor.name);
    checkCount(`${path}.criteria`, factor.criteria, LIMITS.criteria);
    factor.criteria.forEach((criterion, j) => {
      const cPath = `${path}.criteria[${j}]`;
      checkCode(`${cPath}.code`, criterion.code);
      // Unique in the whole questionnaire, so a question names its criterion by code alone.
      if (criterionFactor.has(criterion.code)) {
        fail(`${cPath}.code`, 'DUPLICATE_CODE', `Mã "${criterion.code}" bị trùng.`);
      }
      criterionFactor.set(criterion.code, factor.code);
      checkText(`${cPath}.text`, criterion.text);
    });
  });

  if (input.questions.length === 0) fail('questions', 'NO_QUESTIONS', 'Phiếu cần ít nhất một câu hỏi.');
  const questionCodes = new Set<string>();
  // Satisfaction questions per factor: "factor" for the factor-level one, else criterion codes.
  const satisfaction = new Map<string, string[]>();
  input.questions.forEach((q, i) => {
    const path = `questions[${i}]`;
    checkCode(`${path}.code`, q.code);
    unique(`${path}.code`, q.code, questionCodes);
    checkText(`${path}.text`, q.text);
    let factorCode = q.factorCode ?? null;
    if (factorCode !== null && !factorCodes.has(factorCode)) {
      fail(`${path}.factorCode`, 'UNKNOWN_FACTOR', `Không có yếu tố "${factorCode}".`);
      factorCode = null;
    }
    if (q.criterionCode != null) {
      const owner = criterionFactor.get(q.criterionCode);
      if (owner === undefined) {
        fail(`${path}.criterionCode`, 'UNKNOWN_CRITERION', `Không có tiêu chí "${q.criterionCode}".`);
      } else if (factorCode !== null && owner !== factorCode) {
        fail(
          `${path}.criterionCode`,
          'CRITERION_NOT_IN_FACTOR',
          `Tiêu chí "${q.criterionCode}" thuộc yếu tố "${owner}", không thuộc "${factorCode}".`,
        );
      } else factorCode = owner;
    }
    const scale = q.scaleCode == null ? undefined : scales.get(q.scaleCode);
    if (q.scaleCode != null && !scale) {
      fail(`${path}.scaleCode`, 'UNKNOWN_SCALE', `Không có thang đo "${q.scaleCode}".`);
    }
    const options = q.options ?? [];
    if (SCALED_KINDS.has(q.kind)) {
      if (q.scaleCode == null) fail(`${path}.scaleCode`, 'SCALE_REQUIRED', 'Câu hỏi này cần một thang đo.');
      if (options.length > 0)
        fail(`${path}.options`, 'OPTIONS_NOT_ALLOWED', 'Câu hỏi theo thang đo không có phương án chọn.');
      if (q.kind !== 'QUICK' && scale && scale.positiveFrom == null) {
        fail(
          `${path}.scaleCode`,
          'POSITIVE_FROM_REQUIRED',
          `Thang đo "${scale.code}" cần mức "hài lòng / đồng ý từ" (positiveFrom) để tính chỉ số.`,
        );
      }
    } else {
      if (q.scaleCode != null)
        fail(`${path}.scaleCode`, 'SCALE_NOT_ALLOWED', 'Câu hỏi mong đợi không dùng thang đo.');
      if (options.length === 0)
        fail(`${path}.options`, 'OPTIONS_REQUIRED', 'Câu hỏi mong đợi cần ít nhất một phương án.');
      checkCount(`${path}.options`, options, LIMITS.options);
      const optionCodes = new Set<string>();
      options.forEach((option, j) => {
        checkCode(`${path}.options[${j}].code`, option.code);
        unique(`${path}.options[${j}].code`, option.code, optionCodes);
        checkText(`${path}.options[${j}].text`, option.text);
      });
    }
    if (q.kind === 'ASSESSMENT' && q.criterionCode == null) {
      fail(`${path}.criterionCode`, 'CRITERION_REQUIRED', 'Câu nhận định phải gắn với một tiêu chí.');
    }
    if (q.kind === 'SATISFACTION') {
      if (q.factorCode == null && q.criterionCode == null) {
        fail(
          `${path}.factorCode`,
          'FACTOR_REQUIRED',
          'Câu hỏi mức độ hài lòng phải gắn với một yếu tố hoặc tiêu chí.',
        );
      } else if (factorCode !== null) {
        const target = q.criterionCode ?? 'factor';
        const targets = satisfaction.get(factorCode) ?? [];
        if (
          targets.includes(target) ||
          (targets.length > 0 && (target === 'factor' || targets.includes('factor')))
        ) {
          fail(
            path,
            'DUPLICATE_SATISFACTION',
            `Yếu tố "${factorCode}" hỏi mức độ hài lòng một lần cho cả yếu tố hoặc một lần cho mỗi tiêu chí, không cả hai.`,
          );
        }
        satisfaction.set(factorCode, [...targets, target]);
      }
    }
  });

  if (input.kind === 'SIPAS') {
    if (input.factors.length === 0) fail('factors', 'NO_FACTORS', 'Phiếu SIPAS cần các yếu tố.');
    input.factors.forEach((factor, i) => {
      if (factorCodes.has(factor.code) && !satisfaction.has(factor.code)) {
        fail(
          `factors[${i}]`,
          'FACTOR_WITHOUT_SATISFACTION',
          `Yếu tố "${factor.code}" chưa có câu hỏi mức độ hài lòng: không tính được chỉ số yếu tố.`,
        );
      }
    });
  }
  return errors;
}

export type PublishOutcome = { ok: true; questionnaireId: number } | { ok: false; errors: PathError[] };

/**
 * Publishes a new version of questionnaire `input.code` (version 1 if the code is new): checks it,
 * creates it with its scales, factors, criteria and questions, retires the version it replaces and
 * audits the change, in one transaction.
 */
export async function publishQuestionnaire(
  prisma: PrismaClient,
  input: PublishQuestionnaireInput,
  actor: string,
  now = new Date(),
): Promise<PublishOutcome> {
  const errors = checkQuestionnaire(input);
  if (errors.length > 0) return { ok: false, errors };
  return prisma.$transaction(async (tx) => {
    // Two publications of one code at once would both take the same next version number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`questionnaire:${input.code}`}, 0))`;
    const latest = await tx.questionnaire.findFirst({
      where: { code: input.code },
      orderBy: { version: 'desc' },
      select: { version: true, kind: true },
    });
    if (latest && latest.kind !== input.kind) {
      return {
        ok: false as const,
        errors: [
          {
            path: 'kind',
            code: 'KIND_CHANGED',
            message: `Phiếu "${input.code}" thuộc loại ${latest.kind}; phiên bản mới không đổi loại phiếu.`,
          },
        ],
      };
    }
    const version = (latest?.version ?? 0) + 1;
    const created = await tx.questionnaire.create({
      data: {
        code: input.code,
        version,
        kind: input.kind,
        name: input.name.trim(),
        basis: input.basis?.trim() || null,
        status: 'PUBLISHED',
        publishedAt: now,
        scales: {
          create: input.scales.map((s) => ({
            code: s.code,
            name: s.name.trim(),
            levels: s.levels.map((l) => ({ value: l.value, label: l.label.trim() })),
            positiveFrom: s.positiveFrom ?? null,
          })),
        },
        factors: {
          create: input.factors.map((f, i) => ({
            code: f.code,
            name: f.name.trim(),
            position: i + 1,
            criteria: {
              create: f.criteria.map((c, j) => ({ code: c.code, text: c.text.trim(), position: j + 1 })),
            },
          })),
        },
      },
      select: {
        id: true,
        scales: { select: { id: true, code: true } },
        factors: { select: { id: true, code: true, criteria: { select: { id: true, code: true } } } },
      },
    });
    const scaleIds = new Map(created.scales.map((s) => [s.code, s.id]));
    const factorIds = new Map(created.factors.map((f) => [f.code, f.id]));
    const criteria = new Map(
      created.factors.flatMap((f) => f.criteria.map((c) => [c.code, { id: c.id, factorId: f.id }] as const)),
    );
    await tx.surveyQuestion.createMany({
      data: input.questions.map((q, i) => {
        const criterion = q.criterionCode == null ? undefined : criteria.get(q.criterionCode);
        return {
          questionnaireId: created.id,
          code: q.code,
          kind: q.kind,
          text: q.text.trim(),
          position: i + 1,
          factorId: criterion?.factorId ?? (q.factorCode == null ? null : factorIds.get(q.factorCode)!),
          criterionId: criterion?.id ?? null,
          scaleId: q.scaleCode == null ? null : scaleIds.get(q.scaleCode)!,
          ...(q.kind === 'EXPECTATION'
            ? { options: (q.options ?? []).map((o) => ({ code: o.code, text: o.text.trim() })) }
            : {}),
        };
      }),
    });
    const retired = await tx.questionnaire.updateMany({
      where: { code: input.code, status: 'PUBLISHED', id: { not: created.id } },
      data: { status: 'RETIRED' },
    });
    await audit(tx, actor, 'questionnaire.publish', 'Questionnaire', String(created.id), {
      code: input.code,
      version,
      retiredVersions: retired.count,
      factors: input.factors.length,
      questions: input.questions.length,
    });
    return { ok: true as const, questionnaireId: created.id };
  });
}

/** A question as a submission sees it: what may be answered. */
export interface AnswerableQuestion {
  id: number;
  code: string;
  kind: SurveyQuestionKind;
  /** Allowed values of a scaled question; null for a question answered with options. */
  values: ReadonlySet<number> | null;
  /** Option codes of an EXPECTATION question, in order (a rollup counts option k as value k). */
  options: readonly string[] | null;
}

export interface AnswerableQuestionnaire {
  id: number;
  code: string;
  version: number;
  questions: ReadonlyMap<string, AnswerableQuestion>;
}

/**
 * The version a response is recorded against: `version` when given (published or retired — a paper
 * form of an older version is still a valid answer), else the version currently published.
 */
export async function loadAnswerableQuestionnaire(
  prisma: PrismaClient,
  code: string,
  version?: number | null,
): Promise<AnswerableQuestionnaire | null> {
  const questionnaire = await prisma.questionnaire.findFirst({
    where:
      version == null
        ? { code, status: 'PUBLISHED' }
        : { code, version, status: { in: ['PUBLISHED', 'RETIRED'] } },
    orderBy: { version: 'desc' },
    select: {
      id: true,
      code: true,
      version: true,
      questions: {
        select: { id: true, code: true, kind: true, options: true, scale: { select: { levels: true } } },
      },
    },
  });
  if (!questionnaire) return null;
  return {
    id: questionnaire.id,
    code: questionnaire.code,
    version: questionnaire.version,
    questions: new Map(
      questionnaire.questions.map((q) => [
        q.code,
        {
          id: q.id,
          code: q.code,
          kind: q.kind,
          values: q.kind === 'EXPECTATION' ? null : new Set(scaleLevels(q.scale?.levels).map((l) => l.value)),
          options: q.kind === 'EXPECTATION' ? optionList(q.options).map((o) => o.code) : null,
        },
      ]),
    ),
  };
}

/** The levels stored on a SurveyScale (JSON): [{ value, label }], sorted by value. */
export function scaleLevels(json: unknown): ScaleLevel[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((l): l is ScaleLevel => typeof l?.value === 'number' && typeof l?.label === 'string')
    .map((l) => ({ value: l.value, label: l.label }))
    .sort((a, b) => a.value - b.value);
}

/** The options stored on an EXPECTATION question (JSON): [{ code, text }], in their order. */
export function optionList(json: unknown): QuestionOption[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((o): o is QuestionOption => typeof o?.code === 'string')
    .map((o) => ({ code: o.code, text: typeof o.text === 'string' ? o.text : '' }));
}
