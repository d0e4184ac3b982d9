// Survey responses (docs/domain.md §4.3): checked against the questionnaire version they answer, stored
// raw (SurveyResponse + SurveyAnswer) and counted into SurveyRollup in the same transaction, by the
// rule rollups.ts rebuilds from the raw rows — per (agency, question, day of the response, value),
// an EXPECTATION answer counting each chosen option once as value = its 1-based position — so a
// rebuild gives exactly the incremental rows.
//
// Two ways in: an applicant with the rating token of their finished dossier (public, same token
// rules as a quick rating), or an official entering a paper form for an agency (scope: ingest).
import type { Database, PrismaClient } from '@tthc/db';
import type pg from 'pg';
import { dayOf } from '../domain/time.ts';
import type { ErrorCode } from '../errors.ts';
import { findAgency } from './agencies.ts';
import { loadAnswerableQuestionnaire } from './questionnaires.ts';
import type { TokenCheck } from './ratings/token.ts';
import { surveyRollupSql } from './rollups.ts';
import {
  type AnswerError,
  type CheckedAnswer,
  checkAnswers,
  MAX_ANSWERS,
  type SurveyAnswerInput,
} from './survey-answers.ts';
import { inTransaction } from './transaction.ts';

interface SurveyInputBase {
  questionnaireCode: string;
  /** Default: the version currently published. */
  questionnaireVersion?: number | null;
  answers: readonly SurveyAnswerInput[];
  /** The client's key for this submission: a retry with the same key stores nothing more. */
  idempotencyKey: string;
}

export interface SubmitSurveyInput extends SurveyInputBase {
  dossierCode: string;
  /** The rating token of that dossier (services/ratings/token.ts). */
  token: string;
}

export interface PaperSurveyInput extends SurveyInputBase {
  agencyCode: string;
  /** When the form was filled in; its day (Asia/Ho_Chi_Minh) is the day the answers count on. */
  submittedAt: Date;
}

export interface SurveyOutcome {
  ok: boolean;
  /** True when this idempotency key was already stored: nothing new was stored. */
  duplicate: boolean;
  responseId: string | null;
  /** index −1: the submission as a whole; otherwise the position of the answer in `answers`. */
  errors: AnswerError[];
}

/** Index of an error about the submission as a whole rather than one answer. */
export const WHOLE_SUBMISSION = -1;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
/** Clock skew tolerated on a paper form's time, as for dossier events. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** A refusal of the submission as a whole, naming the input field it is about (null: none). */
const rejected = (
  code: ErrorCode,
  message: string,
  field: keyof SubmitSurveyInput | keyof PaperSurveyInput | null,
): SurveyOutcome => ({
  ok: false,
  duplicate: false,
  responseId: null,
  errors: [{ index: WHOLE_SUBMISSION, code, message, ...(field ? { inputField: field } : {}) }],
});

interface Target {
  agencyId: number;
  dossierId: bigint | null;
  submittedAt: Date;
}

/** The public path: the applicant of a finished dossier, proven by the dossier's rating token. */
export async function submitSurvey(
  services: { db: Database; prisma: PrismaClient },
  verifyToken: (token: string, dossierCode: string, now: Date) => TokenCheck,
  input: SubmitSurveyInput,
  now = new Date(),
): Promise<SurveyOutcome> {
  return record(services, input, async () => {
    // The token first: it needs no table, and without one nobody learns which dossiers exist.
    const token = verifyToken(input.token, input.dossierCode, now);
    if (!token.ok) return rejected(token.code, token.message, 'token');
    const dossier = await services.prisma.dossier.findUnique({
      where: { code: input.dossierCode },
      select: { id: true, agencyId: true, receivedAt: true, endedAt: true },
    });
    if (!dossier) {
      return rejected('UNKNOWN_DOSSIER', `Không tìm thấy hồ sơ "${input.dossierCode}".`, 'dossierCode');
    }
    if (!dossier.receivedAt || !dossier.endedAt) {
      return rejected(
        'NOT_FINISHED',
        'Hồ sơ chưa giải quyết xong: chỉ khảo sát sau khi hồ sơ kết thúc xử lý.',
        'dossierCode',
      );
    }
    return { agencyId: dossier.agencyId, dossierId: dossier.id, submittedAt: now };
  });
}

/** The ingest path: a paper form entered by an official, tied to an agency and not to a dossier. */
export async function recordPaperSurvey(
  services: { db: Database; prisma: PrismaClient },
  input: PaperSurveyInput,
  assertAgencyAllowed: (agencyId: number) => Promise<void>,
  now = new Date(),
): Promise<SurveyOutcome> {
  return record(services, input, async () => {
    if (input.submittedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      return rejected(
        'FUTURE_RESPONSE',
        `Thời điểm ${input.submittedAt.toISOString()} ở tương lai.`,
        'submittedAt',
      );
    }
    // Codes are reused across mergers: the unit is the one holding the code on the form's day.
    const day = dayOf(input.submittedAt);
    const holder = await findAgency(services.prisma, input.agencyCode, day);
    if (!holder) {
      return rejected(
        'UNKNOWN_AGENCY',
        `Ngày ${day} không có cơ quan, đơn vị mang mã "${input.agencyCode}".`,
        'agencyCode',
      );
    }
    await assertAgencyAllowed(holder.id);
    return { agencyId: holder.id, dossierId: null, submittedAt: input.submittedAt };
  });
}

async function record(
  services: { db: Database; prisma: PrismaClient },
  input: SurveyInputBase,
  resolveTarget: () => Promise<Target | SurveyOutcome>,
): Promise<SurveyOutcome> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    return rejected(
      'INVALID_IDEMPOTENCY_KEY',
      'Khóa chống gửi trùng (idempotencyKey) gồm 8–100 ký tự chữ, số, . _ : -.',
      'idempotencyKey',
    );
  }
  if (input.answers.length === 0) {
    return rejected('NO_ANSWERS', 'Phiếu khảo sát chưa có câu trả lời nào.', 'answers');
  }
  if (input.answers.length > MAX_ANSWERS) {
    return rejected('TOO_MANY_ANSWERS', `Một phiếu có tối đa ${MAX_ANSWERS} câu trả lời.`, 'answers');
  }
  const questionnaire = await loadAnswerableQuestionnaire(
    services.prisma,
    input.questionnaireCode,
    input.questionnaireVersion,
  );
  if (!questionnaire) {
    const which = input.questionnaireVersion == null ? '' : ` phiên bản ${input.questionnaireVersion}`;
    return rejected(
      'UNKNOWN_QUESTIONNAIRE',
      `Không có phiếu khảo sát "${input.questionnaireCode}"${which} đang dùng.`,
      'questionnaireCode',
    );
  }
  const target = await resolveTarget();
  if ('ok' in target) return target;

  const previous = await findByIdempotencyKey(services.db.pool, input.idempotencyKey);
  if (previous) {
    const same =
      previous.code === questionnaire.code &&
      previous.agencyId === target.agencyId &&
      previous.dossierId === (target.dossierId === null ? null : String(target.dossierId));
    return same
      ? { ok: true, duplicate: true, responseId: previous.id, errors: [] }
      : rejected(
          'IDEMPOTENCY_KEY_REUSED',
          'Khóa chống gửi trùng này đã được dùng cho một phiếu khác.',
          'idempotencyKey',
        );
  }

  const checked = checkAnswers(questionnaire, input.answers);
  if (checked.errors.length > 0)
    return { ok: false, duplicate: false, responseId: null, errors: checked.errors };
  const stored = await store(services.db.pool, {
    ...target,
    questionnaireId: questionnaire.id,
    questionnaireCode: questionnaire.code,
    idempotencyKey: input.idempotencyKey,
    answers: checked.answers,
  });
  if (stored === 'ALREADY_SUBMITTED') {
    return rejected(
      'ALREADY_SUBMITTED',
      `Hồ sơ này đã có phiếu khảo sát ${questionnaire.code}: mỗi hồ sơ một phiếu.`,
      'dossierCode',
    );
  }
  if (stored === 'DUPLICATE') {
    // A concurrent call with the same key stored it first.
    const winner = await findByIdempotencyKey(services.db.pool, input.idempotencyKey);
    return { ok: true, duplicate: true, responseId: winner?.id ?? null, errors: [] };
  }
  return { ok: true, duplicate: false, responseId: stored, errors: [] };
}

async function findByIdempotencyKey(pool: pg.Pool, key: string) {
  const { rows } = await pool.query<{ id: string; agencyId: number; dossierId: string | null; code: string }>(
    `SELECT r.id::text, r."agencyId", r."dossierId"::text AS "dossierId", q.code
       FROM "SurveyResponse" r JOIN "Questionnaire" q ON q.id = r."questionnaireId"
      WHERE r."idempotencyKey" = $1`,
    [key],
  );
  return rows[0] ?? null;
}

interface NewResponse extends Target {
  questionnaireId: number;
  questionnaireCode: string;
  idempotencyKey: string;
  answers: CheckedAnswer[];
}

/** The increment of SurveyRollup for one response: the rebuild's counting rule, for that response only. */
const ADD_RESPONSE_TO_ROLLUP = surveyRollupSql('one response');

/** Stores a response, its answers and its rollup increment in one transaction. */
async function store(
  pool: pg.Pool,
  response: NewResponse,
): Promise<string | 'DUPLICATE' | 'ALREADY_SUBMITTED'> {
  // A refusal commits nothing but the advisory lock's release: nothing was written.
  return inTransaction(pool, async (client) => {
    if (response.dossierId !== null) {
      // One response per dossier and questionnaire: serialise submissions for the same dossier.
      const key = `survey:${response.dossierId}:${response.questionnaireCode}`;
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      const { rowCount } = await client.query(
        `SELECT 1 FROM "SurveyResponse" r JOIN "Questionnaire" q ON q.id = r."questionnaireId"
          WHERE r."dossierId" = $1 AND q.code = $2 AND r."idempotencyKey" IS DISTINCT FROM $3`,
        [response.dossierId, response.questionnaireCode, response.idempotencyKey],
      );
      if (rowCount) return 'ALREADY_SUBMITTED';
    }
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO "SurveyResponse" ("questionnaireId", "agencyId", "dossierId", "idempotencyKey", "submittedAt")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("idempotencyKey") DO NOTHING
       RETURNING id::text`,
      [
        response.questionnaireId,
        response.agencyId,
        response.dossierId,
        response.idempotencyKey,
        response.submittedAt,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (!id) return 'DUPLICATE';
    await client.query(
      `INSERT INTO "SurveyAnswer" ("responseId", "questionId", value, options)
       SELECT $1, (a ->> 'questionId')::int, (a ->> 'value')::int,
              CASE WHEN jsonb_typeof(a -> 'options') = 'array'
                   THEN ARRAY(SELECT jsonb_array_elements_text(a -> 'options')) END
         FROM jsonb_array_elements($2::jsonb) AS a`,
      [id, JSON.stringify(response.answers)],
    );
    await client.query(ADD_RESPONSE_TO_ROLLUP, [id]);
    return id;
  });
}
