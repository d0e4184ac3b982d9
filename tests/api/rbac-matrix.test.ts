// The permission table of docs/api.md "Roles", enforced by the API for sessions and keys alike, as a
// table: every configuration mutation × every kind of caller × a target inside or outside the
// caller's subtree → allowed, or refused with a stable code. A refusal must change nothing (what the
// mutation would change is observed before and after) and write no audit row; an allowed change must
// change what it says and write its audit row, under an agency of the target's subtree.
//
// To add a mutation (the procedure catalogue's createProcedure / updateProcedure, …): append a
// MutationSpec to MUTATIONS (see "Procedure catalogue" below) with an expectation preset or a table
// of its own. Each case prepares fresh targets, so cases never depend on each other.
import { createApiKey, createUser } from '@tthc/api';
import type { PrismaClient } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { at } from '../support/dossier-events.ts';
import { addOfficial, sessionOf, TEST_PASSWORD } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

// ─── Callers ────────────────────────────────────────────────────────────────────────────────────

export const PRINCIPALS = [
  'SYSTEM_ADMIN', // SYSTEM_ADMIN session
  'PROVINCE_ADMIN', // UNIT_ADMIN of Tỉnh Khánh Hòa (56), provincial level
  'COMMUNE_ADMIN', // UNIT_ADMIN of xã Ninh Phước (22870): the inside target is its own commune
  'OTHER_COMMUNE_ADMIN', // UNIT_ADMIN of xã Phước Hậu (22873): another commune
  'OFFICER', // OFFICER of xã Ninh Phước
  'VIEWER', // VIEWER of xã Ninh Phước
  'REFORM_MONITOR', // REFORM_MONITOR (Sở Nội vụ) of Tỉnh Khánh Hòa (56): reform tasks, verified points
  'ANONYMOUS',
  'READ_KEY', // API key, scope read, every agency
  'COMMUNE_ADMIN_KEY', // API key, scope admin, limited to xã Ninh Phước
  'SYSTEM_KEY', // API key, scope admin, every agency
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

// ─── Targets ────────────────────────────────────────────────────────────────────────────────────

/**
 * `inside`: something of xã Ninh Phước (22870), inside every caller's subtree but the other
 * commune's; `outside`: something of a commune of another province (a fixture below), outside every
 * subtree but the system's; `system`: a change for every agency (the calendar, questionnaires).
 */
export type Target = 'inside' | 'outside' | 'system';

const INSIDE = '22870';
/** Test fixtures, not official codes: a province outside Khánh Hòa and one of its communes. */
const OUTSIDE_PROVINCE = '68';
const OUTSIDE = '68001';

/** 'OK', or the stable code of the refusal (top-level error, else first userError). */
export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE';

type Expectation = Record<PrincipalName, Partial<Record<Target, Outcome>>>;

const both = (inside: Outcome, outside: Outcome) => ({ inside, outside });

/**
 * Administration within the subtree (users, keys, agencies, implemented procedures, comment
 * moderation): scope admin, the target in the caller's subtree. `outsideCode` is how a target out
 * of the subtree is refused: OUT_OF_SCOPE in userErrors by the administration mutations, FORBIDDEN
 * at the top level by the older mutations that use assertAgencyInKeyScope.
 */
export const adminWithinSubtree = (outsideCode: Outcome = 'OUT_OF_SCOPE'): Expectation => ({
  SYSTEM_ADMIN: both('OK', 'OK'),
  PROVINCE_ADMIN: both('OK', outsideCode),
  COMMUNE_ADMIN: both('OK', outsideCode),
  OTHER_COMMUNE_ADMIN: both(outsideCode, outsideCode),
  OFFICER: both('FORBIDDEN', 'FORBIDDEN'),
  VIEWER: both('FORBIDDEN', 'FORBIDDEN'),
  REFORM_MONITOR: both('FORBIDDEN', 'FORBIDDEN'),
  ANONYMOUS: both('UNAUTHENTICATED', 'UNAUTHENTICATED'),
  READ_KEY: both('FORBIDDEN', 'FORBIDDEN'),
  COMMUNE_ADMIN_KEY: both('OK', outsideCode),
  SYSTEM_KEY: both('OK', 'OK'),
});

/**
 * The reform programme's tasks (schema/reform-tasks.ts): the REFORM capability — administrators and
 * the Internal Affairs office (REFORM_MONITOR) — within the subtree; admin keys imply it.
 */
export const reformWithinSubtree = (outsideCode: Outcome = 'OUT_OF_SCOPE'): Expectation => ({
  ...adminWithinSubtree(outsideCode),
  REFORM_MONITOR: both('OK', outsideCode),
});

/** Recording within the subtree (dossier events, paper surveys): OFFICER and above, ingest keys. */
export const ingestWithinSubtree = (outsideCode: Outcome): Expectation => ({
  ...adminWithinSubtree(outsideCode),
  OFFICER: both('OK', outsideCode),
});

/**
 * The procedure catalogue: SYSTEM_ADMIN, an admin key for every agency, and the administrators of a
 * provincial-level agency (PROVINCE or DEPARTMENT); a commune's are refused. Refused in userErrors.
 */
export const catalogueEditors: Expectation = {
  SYSTEM_ADMIN: { system: 'OK' },
  PROVINCE_ADMIN: { system: 'OK' },
  COMMUNE_ADMIN: { system: 'FORBIDDEN' },
  OTHER_COMMUNE_ADMIN: { system: 'FORBIDDEN' },
  OFFICER: { system: 'FORBIDDEN' },
  VIEWER: { system: 'FORBIDDEN' },
  REFORM_MONITOR: { system: 'FORBIDDEN' },
  ANONYMOUS: { system: 'UNAUTHENTICATED' },
  READ_KEY: { system: 'FORBIDDEN' },
  COMMUNE_ADMIN_KEY: { system: 'FORBIDDEN' },
  SYSTEM_KEY: { system: 'OK' },
};

/** A change for every agency: SYSTEM_ADMIN and an admin key for every agency only. */
export const systemWide: Expectation = {
  SYSTEM_ADMIN: { system: 'OK' },
  PROVINCE_ADMIN: { system: 'FORBIDDEN' },
  COMMUNE_ADMIN: { system: 'FORBIDDEN' },
  OTHER_COMMUNE_ADMIN: { system: 'FORBIDDEN' },
  OFFICER: { system: 'FORBIDDEN' },
  VIEWER: { system: 'FORBIDDEN' },
  REFORM_MONITOR: { system: 'FORBIDDEN' },
  ANONYMOUS: { system: 'UNAUTHENTICATED' },
  READ_KEY: { system: 'FORBIDDEN' },
  COMMUNE_ADMIN_KEY: { system: 'FORBIDDEN' },
  SYSTEM_KEY: { system: 'OK' },
};

// ─── What each case may use ─────────────────────────────────────────────────────────────────────

export interface CaseContext {
  t: TestApi;
  prisma: PrismaClient;
  /** Unique per case: names fresh fixtures. */
  n: number;
  /** The agency of the target (22870 or the fixture commune); null for system-wide targets. */
  agency: { id: number; code: string } | null;
  fixtures: Fixtures;
}

export interface MutationSpec {
  /** The mutation's name, as in the schema. */
  name: string;
  /** Its document; it has `$input` (or the variables `prepare` returns) and selects `userErrors { code }`. */
  document: string;
  targets: readonly Target[];
  /** Fresh targets for one case: the variables of the document. */
  prepare(ctx: CaseContext): Promise<Record<string, unknown>>;
  /** What the mutation changes when allowed, read before and after. */
  observe(ctx: CaseContext, variables: Record<string, unknown>): Promise<unknown>;
  /** The audit action an allowed call writes (null: not a configuration change, nothing audited). */
  audit: { action: string; agencyChecked?: boolean } | null;
  expected: Expectation;
}

const payload = (fields = '') => `{ ${fields} userErrors { field code message } }`;
const mutation = (name: string, inputType: string, fields = '') =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) ${payload(fields)} }`;

// ─── Fixtures: made straight in the database, so that preparing a case is cheap ───────────────────

class Fixtures {
  private passwordHash = '';
  private readonly procedureIds = new Map<number, number[]>();
  constructor(private readonly prisma: PrismaClient) {}

  async init(): Promise<void> {
    await createUser(
      this.prisma,
      {
        username: 'rbac.mau',
        displayName: 'Mẫu',
        password: TEST_PASSWORD,
        role: 'VIEWER',
        agencyCode: INSIDE,
      },
      'TEST',
    );
    this.passwordHash = (
      await this.prisma.user.findUniqueOrThrow({ where: { username: 'rbac.mau' } })
    ).passwordHash;
  }

  user(n: number, agencyId: number, active = true) {
    return this.prisma.user.create({
      data: {
        username: `rbac.u${n}`,
        displayName: `Cán bộ thử nghiệm ${n}`,
        passwordHash: this.passwordHash,
        active,
        roles: { create: { role: 'VIEWER', agencyId } },
      },
    });
  }

  unit(n: number, parentId: number, suffix = '') {
    const name = `Tổ công tác thử nghiệm ${n}${suffix}`;
    return this.prisma.agency.create({
      data: {
        code: `RB${n}${suffix}`,
        name,
        searchText: name.toLowerCase(),
        level: 'DEPARTMENT',
        parentId,
        validFrom: new Date('2025-07-01T00:00:00Z'),
      },
    });
  }

  async rating(n: number, agencyId: number, hidden: boolean) {
    const procedure = await this.prisma.procedure.findUniqueOrThrow({ where: { code: '1.004873' } });
    const dossier = await this.prisma.dossier.create({
      data: {
        code: `RBAC-DG-${n}`,
        procedureId: procedure.id,
        agencyId,
        channel: 'IN_PERSON',
        status: 'RESOLVED',
      },
    });
    return this.prisma.rating.create({
      data: {
        dossierId: dossier.id,
        level: 'DISSATISFIED',
        comment: 'Cán bộ thái độ không tốt',
        ...(hidden
          ? { commentHiddenAt: new Date(), commentHiddenBy: 'TEST', commentHiddenReason: 'Xúc phạm' }
          : {}),
      },
    });
  }

  key(n: number, agencyId: number) {
    return this.prisma.apiKey.create({
      data: {
        name: `Khóa thử nghiệm ${n}`,
        prefix: `rb${String(n).padStart(10, '0')}`,
        hash: 'x',
        scopes: ['READ'],
        agencyId,
      },
    });
  }

  /** An active procedure the agency does not implement yet, a different one each time. */
  async unimplementedProcedure(agencyId: number): Promise<string> {
    const used = this.procedureIds.get(agencyId) ?? [];
    const procedure = await this.prisma.procedure.findFirstOrThrow({
      where: { active: true, id: { notIn: used }, agencies: { none: { agencyId } } },
      orderBy: { code: 'asc' },
    });
    this.procedureIds.set(agencyId, [...used, procedure.id]);
    return procedure.code;
  }
}

const codeOfUnit = (ctx: CaseContext) => ctx.agency!.code;

// A small questionnaire for the paper-survey and publishing cases.
const QUESTIONNAIRE = (code: string) => ({
  code,
  kind: 'OTHER',
  name: 'Phiếu hỏi nhanh thử nghiệm',
  scales: [
    {
      code: 'HL3',
      name: 'Mức độ hài lòng (3 mức)',
      positiveFrom: 2,
      levels: ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'].map((label, i) => ({ value: i + 1, label })),
    },
  ],
  factors: [],
  questions: [{ code: 'Q1', kind: 'QUICK', text: 'Ông/bà có hài lòng không?', scaleCode: 'HL3' }],
});

// ─── The mutations ──────────────────────────────────────────────────────────────────────────────

export const MUTATIONS: MutationSpec[] = [
  // Users (schema/users.ts)
  {
    name: 'createUser',
    document: mutation('createUser', 'CreateUserInput', 'user { username }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        username: `rbac.moi${ctx.n}`,
        displayName: 'Cán bộ mới',
        password: TEST_PASSWORD,
        roles: [{ role: 'VIEWER', agencyCode: codeOfUnit(ctx) }],
      },
    }),
    observe: (ctx) => ctx.prisma.user.count({ where: { username: `rbac.moi${ctx.n}` } }),
    audit: { action: 'user.create' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'updateUser',
    document: mutation('updateUser', 'UpdateUserInput', 'user { displayName }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => {
      const user = await ctx.fixtures.user(ctx.n, ctx.agency!.id);
      return { input: { username: user.username, displayName: 'Tên đã sửa' } };
    },
    observe: (ctx) =>
      ctx.prisma.user.findUnique({ where: { username: `rbac.u${ctx.n}` }, select: { displayName: true } }),
    audit: { action: 'user.update' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'setUserRoles',
    document: mutation('setUserRoles', 'SetUserRolesInput', 'user { username }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => {
      const user = await ctx.fixtures.user(ctx.n, ctx.agency!.id);
      return {
        input: { username: user.username, roles: [{ role: 'OFFICER', agencyCode: codeOfUnit(ctx) }] },
      };
    },
    observe: (ctx) =>
      ctx.prisma.userRole.findMany({
        where: { user: { username: `rbac.u${ctx.n}` } },
        select: { role: true, agencyId: true },
      }),
    audit: { action: 'user.set-roles' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'deactivateUser',
    document: mutation('deactivateUser', 'DeactivateUserInput', 'sessionsEnded'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { username: (await ctx.fixtures.user(ctx.n, ctx.agency!.id)).username },
    }),
    observe: (ctx) =>
      ctx.prisma.user.findUnique({ where: { username: `rbac.u${ctx.n}` }, select: { active: true } }),
    audit: { action: 'user.deactivate' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'reactivateUser',
    document: mutation('reactivateUser', 'ReactivateUserInput', 'user { active }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { username: (await ctx.fixtures.user(ctx.n, ctx.agency!.id, false)).username },
    }),
    observe: (ctx) =>
      ctx.prisma.user.findUnique({ where: { username: `rbac.u${ctx.n}` }, select: { active: true } }),
    audit: { action: 'user.reactivate' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'resetUserPassword',
    document: mutation('resetUserPassword', 'ResetUserPasswordInput', 'sessionsEnded'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        username: (await ctx.fixtures.user(ctx.n, ctx.agency!.id)).username,
        password: 'mật-khẩu-tạm-thời-01',
      },
    }),
    observe: (ctx) =>
      ctx.prisma.user.findUnique({ where: { username: `rbac.u${ctx.n}` }, select: { passwordHash: true } }),
    audit: { action: 'user.set-password' },
    expected: adminWithinSubtree(),
  },
  // API keys (schema/api-keys.ts)
  {
    name: 'createApiKey',
    document: mutation('createApiKey', 'CreateApiKeyInput', 'secret'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { name: `Khóa mới ${ctx.n}`, scopes: ['READ'], agencyCode: codeOfUnit(ctx) },
    }),
    observe: (ctx) => ctx.prisma.apiKey.count({ where: { name: `Khóa mới ${ctx.n}` } }),
    audit: { action: 'api-key.create' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'revokeApiKey',
    document: mutation('revokeApiKey', 'RevokeApiKeyInput', 'apiKey { active }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({ input: { id: String((await ctx.fixtures.key(ctx.n, ctx.agency!.id)).id) } }),
    observe: (ctx, v) =>
      ctx.prisma.apiKey.findUnique({
        where: { id: Number((v.input as { id: string }).id) },
        select: { revokedAt: true },
      }),
    audit: { action: 'api-key.revoke' },
    expected: adminWithinSubtree(),
  },
  // Agencies (schema/agency-admin.ts)
  {
    name: 'createAgency',
    document: mutation('createAgency', 'CreateAgencyInput', 'agency { code }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        parentCode: codeOfUnit(ctx),
        code: `RBN${ctx.n}`,
        name: 'Tổ một cửa mới',
        level: 'DEPARTMENT',
      },
    }),
    observe: (ctx) => ctx.prisma.agency.count({ where: { code: `RBN${ctx.n}` } }),
    audit: { action: 'agency.create' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'updateAgency',
    document: mutation('updateAgency', 'UpdateAgencyInput', 'agency { note }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { code: (await ctx.fixtures.unit(ctx.n, ctx.agency!.id)).code, note: 'Ghi chú đã sửa' },
    }),
    observe: (ctx) => ctx.prisma.agency.findFirst({ where: { code: `RB${ctx.n}` }, select: { note: true } }),
    audit: { action: 'agency.update' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'moveAgency',
    document: mutation('moveAgency', 'MoveAgencyInput', 'agency { code }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => {
      const unit = await ctx.fixtures.unit(ctx.n, ctx.agency!.id);
      const parent = await ctx.fixtures.unit(ctx.n, ctx.agency!.id, 'P');
      return { input: { code: unit.code, parentCode: parent.code } };
    },
    observe: (ctx) =>
      ctx.prisma.agency.findFirst({ where: { code: `RB${ctx.n}` }, select: { parentId: true } }),
    audit: { action: 'agency.move' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'mergeAgency',
    document: mutation('mergeAgency', 'MergeAgencyInput', 'agency { validTo }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => {
      const unit = await ctx.fixtures.unit(ctx.n, ctx.agency!.id);
      const successor = await ctx.fixtures.unit(ctx.n, ctx.agency!.id, 'S');
      return { input: { code: unit.code, successorCode: successor.code, effectiveDate: '2026-06-01' } };
    },
    observe: (ctx) =>
      ctx.prisma.agency.findFirst({
        where: { code: `RB${ctx.n}` },
        select: { validTo: true, successorId: true },
      }),
    audit: { action: 'agency.merge' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'setAgencyProcedures',
    document: mutation('setAgencyProcedures', 'SetAgencyProceduresInput', 'added'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        agencyCode: codeOfUnit(ctx),
        add: [await ctx.fixtures.unimplementedProcedure(ctx.agency!.id)],
      },
    }),
    observe: (ctx) => ctx.prisma.procedureAgency.count({ where: { agencyId: ctx.agency!.id } }),
    audit: { action: 'agency.set-procedures' },
    expected: adminWithinSubtree(),
  },
  // Comment moderation (schema/moderation.ts)
  {
    name: 'hideRatingComment',
    document: mutation('hideRatingComment', 'HideRatingCommentInput', 'rating { hidden }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        ratingId: String((await ctx.fixtures.rating(ctx.n, ctx.agency!.id, false)).id),
        reason: 'Lời lẽ xúc phạm',
      },
    }),
    observe: (ctx, v) =>
      ctx.prisma.rating.findUnique({
        where: { id: BigInt((v.input as { ratingId: string }).ratingId) },
        select: { commentHiddenAt: true },
      }),
    audit: { action: 'rating.hide-comment' },
    expected: adminWithinSubtree(),
  },
  {
    name: 'restoreRatingComment',
    document: mutation('restoreRatingComment', 'RestoreRatingCommentInput', 'rating { hidden }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { ratingId: String((await ctx.fixtures.rating(ctx.n, ctx.agency!.id, true)).id) },
    }),
    observe: (ctx, v) =>
      ctx.prisma.rating.findUnique({
        where: { id: BigInt((v.input as { ratingId: string }).ratingId) },
        select: { commentHiddenAt: true },
      }),
    audit: { action: 'rating.restore-comment' },
    expected: adminWithinSubtree(),
  },
  // Existing configuration mutations
  {
    name: 'updateCalendarDays',
    document: mutation('updateCalendarDays', 'UpdateCalendarDaysInput'),
    targets: ['system'],
    prepare: async (ctx) => ({
      input: { days: [{ date: calendarDay(ctx.n), working: false, note: 'Nghỉ thử nghiệm' }] },
    }),
    observe: (ctx) =>
      ctx.prisma.calendarDay.findUnique({ where: { date: new Date(`${calendarDay(ctx.n)}T00:00:00Z`) } }),
    audit: { action: 'calendar.set-days', agencyChecked: false },
    expected: systemWide,
  },
  {
    name: 'publishQuestionnaire',
    document: mutation('publishQuestionnaire', 'PublishQuestionnaireInput'),
    targets: ['system'],
    prepare: async (ctx) => ({ input: QUESTIONNAIRE(`RBAC-Q${ctx.n}`) }),
    observe: (ctx) => ctx.prisma.questionnaire.count({ where: { code: `RBAC-Q${ctx.n}` } }),
    audit: { action: 'questionnaire.publish', agencyChecked: false },
    expected: systemWide,
  },
  {
    name: 'recordDossierEvents',
    document:
      'mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted userErrors { field code message } } }',
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      events: [
        {
          dossierCode: `RBAC-HS-${ctx.n}`,
          procedureCode: '1.004873',
          agencyCode: codeOfUnit(ctx),
          channel: 'IN_PERSON',
          status: 'RECEIVED',
          occurredAt: at('2026-03-02T08:00'),
          sequence: 1,
        },
      ],
    }),
    observe: (ctx) => ctx.prisma.dossier.count({ where: { code: `RBAC-HS-${ctx.n}` } }),
    audit: null, // dossier events are data, not configuration
    expected: ingestWithinSubtree('OUT_OF_SCOPE'),
  },
  {
    name: 'recordSurveyResponse',
    document: mutation('recordSurveyResponse', 'PaperSurveyInput', 'ok'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        questionnaireCode: 'RBAC-PHIEU',
        agencyCode: codeOfUnit(ctx),
        submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
        answers: [{ questionCode: 'Q1', value: 3 }],
        idempotencyKey: `rbac-phieu-giay-${ctx.n}`,
      },
    }),
    observe: (ctx) =>
      ctx.prisma.surveyResponse.count({ where: { idempotencyKey: `rbac-phieu-giay-${ctx.n}` } }),
    audit: null, // a citizen's answers, not configuration
    // Out of the subtree: FORBIDDEN at the top level (assertAgencyInKeyScope), as before issue 9.
    expected: ingestWithinSubtree('FORBIDDEN'),
  },
  // Self-scored points: the unit's officers and above (out of the subtree FORBIDDEN at the top level).
  evaluationScoresSpec('setEvaluationScores', 'selfScore', ingestWithinSubtree('FORBIDDEN')),
  // Verified points (điểm thẩm định) are the evaluators': administrators of the subtree only.
  evaluationScoresSpec(
    'setEvaluationScores (verified points)',
    'verifiedScore',
    // …and the Internal Affairs office, whose job verification is (REFORM_MONITOR).
    reformWithinSubtree('FORBIDDEN'),
  ),
  // Procedure catalogue (schema/procedure-editing.ts): the province's catalogue, edited by a
  // SYSTEM_ADMIN, an admin key for every agency, or the administrator of a provincial-level agency.
  // Refusals come in userErrors. The import (one audit row per procedure and one for the file) is
  // tested in procedure-import.test.ts.
  {
    name: 'createProcedure',
    document: mutation('createProcedure', 'CreateProcedureInput', 'procedure { code }'),
    targets: ['system'],
    prepare: async (ctx) => ({
      input: {
        code: `1.97${String(ctx.n).padStart(4, '0')}`,
        name: 'Thủ tục thử phân quyền',
        sectorCode: 'ho-tich',
        levels: ['COMMUNE'],
      },
    }),
    observe: (ctx) =>
      ctx.prisma.procedure.count({ where: { code: `1.97${String(ctx.n).padStart(4, '0')}` } }),
    audit: { action: 'procedure.create' },
    expected: catalogueEditors,
  },
  {
    name: 'updateProcedure',
    document: mutation('updateProcedure', 'UpdateProcedureInput', 'version { version }'),
    targets: ['system'],
    prepare: async (ctx) => ({
      input: { code: '1.004873', name: `Thủ tục cấp Giấy xác nhận tình trạng hôn nhân (${ctx.n})` },
    }),
    observe: (ctx) =>
      ctx.prisma.procedure.findUnique({ where: { code: '1.004873' }, select: { name: true } }),
    audit: { action: 'procedure.update' },
    expected: catalogueEditors,
  },
  {
    name: 'withdrawProcedure',
    document: mutation('withdrawProcedure', 'WithdrawProcedureInput', 'procedure { published }'),
    targets: ['system'],
    prepare: async (ctx) => {
      const code = `1.96${String(ctx.n).padStart(4, '0')}`;
      await catalogueProcedure(ctx, code, true);
      return { input: { code, reason: 'Thủ tục đã bị bãi bỏ' } };
    },
    observe: (ctx, v) =>
      ctx.prisma.procedure.findUnique({
        where: { code: (v.input as { code: string }).code },
        select: { active: true },
      }),
    audit: { action: 'procedure.withdraw' },
    expected: catalogueEditors,
  },
  {
    name: 'publishProcedure',
    document: mutation('publishProcedure', 'PublishProcedureInput', 'procedure { published }'),
    targets: ['system'],
    prepare: async (ctx) => {
      const code = `1.96${String(ctx.n).padStart(4, '0')}`;
      await catalogueProcedure(ctx, code, false);
      return { input: { code } };
    },
    observe: (ctx, v) =>
      ctx.prisma.procedure.findUnique({
        where: { code: (v.input as { code: string }).code },
        select: { active: true },
      }),
    audit: { action: 'procedure.publish' },
    expected: catalogueEditors,
  },
  // The reform programme's tasks (schema/reform-tasks.ts): entered and edited with the REFORM
  // capability over both units of the task; progress reported by the responsible unit's officers too.
  {
    name: 'createReformTask',
    document: mutation('createReformTask', 'CreateReformTaskInput', 'task { id }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        year: 2026,
        title: `Nhiệm vụ thử phân quyền ${ctx.n}`,
        agencyCode: codeOfUnit(ctx),
        ownerAgencyCode: codeOfUnit(ctx),
        deadline: '2026-12-31',
      },
    }),
    observe: (ctx) => ctx.prisma.reformTask.count({ where: { title: `Nhiệm vụ thử phân quyền ${ctx.n}` } }),
    audit: { action: 'reform-task.create' },
    expected: reformWithinSubtree(),
  },
  {
    name: 'updateReformTask',
    document: mutation('updateReformTask', 'UpdateReformTaskInput', 'task { id }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({ input: { id: String((await reformTask(ctx)).id), deadline: '2027-01-15' } }),
    observe: (ctx, v) =>
      ctx.prisma.reformTask.findUnique({ where: { id: Number((v.input as { id: string }).id) } }),
    audit: { action: 'reform-task.update' },
    expected: reformWithinSubtree(),
  },
  {
    name: 'cancelReformTask',
    document: mutation('cancelReformTask', 'CancelReformTaskInput', 'task { id }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({ input: { id: String((await reformTask(ctx)).id), reason: 'Thử phân quyền' } }),
    observe: (ctx, v) =>
      ctx.prisma.reformTask.findUnique({ where: { id: Number((v.input as { id: string }).id) } }),
    audit: { action: 'reform-task.cancel' },
    expected: reformWithinSubtree(),
  },
  {
    name: 'reportReformTaskProgress',
    document: mutation('reportReformTaskProgress', 'ReportReformTaskProgressInput', 'task { id }'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: { taskId: String((await reformTask(ctx)).id), progressPercent: 30, note: 'Thử phân quyền' },
    }),
    observe: (ctx, v) =>
      ctx.prisma.reformTaskReport.count({
        where: { taskId: Number((v.input as { taskId: string }).taskId) },
      }),
    audit: { action: 'reform-task.report' },
    // The responsible unit's officers report too (ingest), and the office monitoring it (reform).
    expected: { ...ingestWithinSubtree('OUT_OF_SCOPE'), REFORM_MONITOR: both('OK', 'OUT_OF_SCOPE') },
  },
];

/** A reform task of the case's unit, set by that unit, for an edit, cancel or report case. */
function reformTask(ctx: CaseContext) {
  return ctx.prisma.reformTask.create({
    data: {
      year: 2026,
      title: `Nhiệm vụ có sẵn ${ctx.n}`,
      agencyId: ctx.agency!.id,
      ownerAgencyId: ctx.agency!.id,
      deadline: new Date('2026-12-31T00:00:00Z'),
      createdBy: 'TEST',
    },
  });
}

/** A catalogue procedure of its own for a publish or withdraw case, published or withdrawn. */
async function catalogueProcedure(ctx: CaseContext, code: string, active: boolean): Promise<void> {
  const sector = await ctx.prisma.sector.findUniqueOrThrow({ where: { code: 'ho-tich' } });
  await ctx.prisma.procedure.create({
    data: {
      code,
      name: 'Thủ tục thử công bố',
      searchText: 'thu tuc thu cong bo',
      sectorId: sector.id,
      levels: ['COMMUNE'],
      active,
    },
  });
}

/** setEvaluationScores entering one kind of points (self-scored or verified) for the case's unit. */
function evaluationScoresSpec(
  name: string,
  points: 'selfScore' | 'verifiedScore',
  expected: Expectation,
): MutationSpec {
  return {
    name,
    document: mutation('setEvaluationScores', 'SetEvaluationScoresInput'),
    targets: ['inside', 'outside'],
    prepare: async (ctx) => ({
      input: {
        agencyCode: codeOfUnit(ctx),
        year: 2026,
        quarter: 1 + (Math.floor(ctx.n / 9) % 4),
        scores: [{ indicator: 1 + (ctx.n % 9), [points]: 2 }],
      },
    }),
    observe: (ctx, v) => {
      const input = v.input as { quarter: number; scores: { indicator: number }[] };
      return ctx.prisma.oneStopEvaluationScore.findMany({
        where: {
          agencyId: ctx.agency!.id,
          year: 2026,
          quarter: input.quarter,
          indicator: input.scores[0]!.indicator,
        },
      });
    },
    // Its entries keep the agency in their data, not in AuditLog.agencyId.
    audit: { action: 'evaluation.set-scores', agencyChecked: false },
    expected,
  };
}

/** A different day for each calendar case, far from the days other tests use. */
function calendarDay(n: number): string {
  const day = new Date(Date.UTC(2031, 0, 1) + n * 86_400_000);
  return day.toISOString().slice(0, 10);
}

// ─── The run ────────────────────────────────────────────────────────────────────────────────────

let t: TestApi;
let fixtures: Fixtures;
const headersOf = {} as Record<PrincipalName, Record<string, string>>;
const agencies = {} as Record<'inside' | 'outside', { id: number; code: string }>;

beforeAll(async () => {
  t = await startSeededApi(0);
  const prisma = t.api.services.prisma;
  const province = await prisma.agency.create({
    data: {
      code: OUTSIDE_PROVINCE,
      name: 'Tỉnh Lâm Đồng',
      searchText: 'tinh lam dong',
      level: 'PROVINCE',
      validFrom: new Date('2025-07-01T00:00:00Z'),
    },
  });
  const outside = await prisma.agency.create({
    data: {
      code: OUTSIDE,
      name: 'Phường Xuân Hương',
      searchText: 'phuong xuan huong',
      level: 'COMMUNE',
      parentId: province.id,
      validFrom: new Date('2025-07-01T00:00:00Z'),
    },
  });
  const inside = await prisma.agency.findFirstOrThrow({ where: { code: INSIDE, validTo: null } });
  agencies.inside = { id: inside.id, code: INSIDE };
  agencies.outside = { id: outside.id, code: OUTSIDE };
  fixtures = new Fixtures(prisma);
  await fixtures.init();

  const officials: [
    PrincipalName,
    string,
    'SYSTEM_ADMIN' | 'UNIT_ADMIN' | 'OFFICER' | 'VIEWER' | 'REFORM_MONITOR',
    string?,
  ][] = [
    ['SYSTEM_ADMIN', 'rbac.qtht', 'SYSTEM_ADMIN'],
    ['PROVINCE_ADMIN', 'rbac.qt.tinh', 'UNIT_ADMIN', '56'],
    ['COMMUNE_ADMIN', 'rbac.qt.ninhphuoc', 'UNIT_ADMIN', INSIDE],
    ['OTHER_COMMUNE_ADMIN', 'rbac.qt.phuochau', 'UNIT_ADMIN', '22873'],
    ['OFFICER', 'rbac.cb.ninhphuoc', 'OFFICER', INSIDE],
    ['VIEWER', 'rbac.xem.ninhphuoc', 'VIEWER', INSIDE],
    ['REFORM_MONITOR', 'rbac.noivu.tinh', 'REFORM_MONITOR', '56'],
  ];
  for (const [principal, username, role, agencyCode] of officials) {
    await addOfficial(t, username, role, agencyCode);
    headersOf[principal] = await sessionOf(t, username);
  }
  headersOf.ANONYMOUS = {};
  const key = async (name: string, scopes: ('READ' | 'ADMIN')[], agencyCode?: string) => {
    const created = await createApiKey(
      prisma,
      { name, scopes, ...(agencyCode ? { agencyCode } : {}) },
      'TEST',
    );
    return { authorization: `Bearer ${created.key}` };
  };
  headersOf.READ_KEY = await key('Khóa đọc', ['READ']);
  headersOf.COMMUNE_ADMIN_KEY = await key('Khóa quản trị xã', ['ADMIN'], INSIDE);
  headersOf.SYSTEM_KEY = await key('Khóa quản trị hệ thống', ['ADMIN']);

  const published = await t.gql<{ publishQuestionnaire: { userErrors: unknown[] } }>(
    mutation('publishQuestionnaire', 'PublishQuestionnaireInput'),
    { input: QUESTIONNAIRE('RBAC-PHIEU') },
    headersOf.SYSTEM_KEY,
  );
  expect(published.data?.publishQuestionnaire.userErrors).toEqual([]);
});
afterAll(async () => {
  await t?.close();
});

let counter = 0;

describe.each(MUTATIONS)('$name', (spec) => {
  const cases = PRINCIPALS.flatMap((principal) =>
    spec.targets.map((target) => ({ principal, target, expected: spec.expected[principal][target] })),
  );

  it.each(cases)('$principal, target $target → $expected', async ({ principal, target, expected }) => {
    expect(expected, `no expectation for ${principal} × ${target}`).toBeDefined();
    const prisma = t.api.services.prisma;
    const ctx: CaseContext = {
      t,
      prisma,
      n: ++counter,
      agency: target === 'system' ? null : agencies[target],
      fixtures,
    };
    const variables = await spec.prepare(ctx);
    const before = await spec.observe(ctx, variables);
    const lastAudit = (await prisma.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;

    const res = await t.gql<Record<string, { userErrors: { code: string; message: string }[] }>>(
      spec.document,
      variables,
      headersOf[principal],
    );
    const userErrors = res.data?.[spec.name]?.userErrors ?? [];
    const outcome = res.errors?.[0]?.extensions?.code ?? userErrors[0]?.code ?? 'OK';
    expect(outcome, JSON.stringify(res.errors ?? userErrors)).toBe(expected);

    const after = await spec.observe(ctx, variables);
    const written = await prisma.auditLog.findMany({ where: { id: { gt: lastAudit } } });
    if (expected !== 'OK') {
      expect(after).toEqual(before); // nothing changed
      expect(written).toEqual([]); // nothing audited
      return;
    }
    expect(after).not.toEqual(before);
    if (!spec.audit) {
      expect(written).toEqual([]);
      return;
    }
    expect(written.map((w) => w.action)).toEqual([spec.audit.action]);
    if (spec.audit.agencyChecked !== false && ctx.agency) {
      // Filed under an agency of the target's subtree, so the administrators there see it.
      const subtree = await subtreeOf(prisma, ctx.agency.id);
      expect(subtree).toContain(written[0]!.agencyId);
    }
  });
});

async function subtreeOf(prisma: PrismaClient, id: number): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE tree(id) AS (SELECT ${id}::int UNION SELECT a.id FROM "Agency" a JOIN tree ON a."parentId" = tree.id)
    SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

describe('a refusal of another subtree', () => {
  it('names what the caller used: an account or a key', async () => {
    const input = { agencyCode: OUTSIDE, year: 2026, quarter: 4, scores: [{ indicator: 1, selfScore: 1 }] };
    const document = mutation('setEvaluationScores', 'SetEvaluationScoresInput');
    const session = await t.gql(document, { input }, headersOf.COMMUNE_ADMIN);
    expect(session.errors?.[0]).toMatchObject({
      message: 'Tài khoản chỉ được thao tác trên cơ quan, đơn vị được phân quyền và các đơn vị trực thuộc.',
      extensions: { code: 'FORBIDDEN' },
    });
    const key = await t.gql(document, { input }, headersOf.COMMUNE_ADMIN_KEY);
    expect(key.errors?.[0]).toMatchObject({
      message:
        'Khóa API chỉ được thao tác trên cơ quan, đơn vị thuộc phạm vi của khóa và các đơn vị trực thuộc.',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
