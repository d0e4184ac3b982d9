import { cutoffOfMinute } from '../domain/procedure-record.ts';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../domain/search-text.ts';
import { versionInForce } from '../domain/version-in-force.ts';
import { AppError } from '../errors.ts';
import { hasScope } from '../services/access/principal.ts';
import { describeActors } from '../services/audit-log.ts';
import type { Context } from '../services/context.ts';
import { componentsOf, formsOf, legalBasisOf, stepsOf } from '../services/procedure-records.ts';
import { type Publication, procedureWhere } from '../services/procedures.ts';
import { ActorRef } from './actor.ts';
import { builder } from './builder.ts';
import { ChannelEnum, ImplementingLevelEnum, OnlineLevelEnum, TimeUnitEnum } from './enums.ts';
import { checkCursor, checkPageSize, namedConnection } from './pagination.ts';
import {
  changesOf,
  DossierComponentRef,
  LegalBasisRef,
  ProcedureChangeRef,
  ProcedureFormRef,
  StepGroupRef,
} from './procedure-parts.ts';

const SectorRef = builder.prismaObject('Sector', {
  description: 'Lĩnh vực.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

const TimeLimitRef = builder.prismaObject('ProcedureTimeLimit', {
  name: 'TimeLimit',
  description: 'Thời hạn giải quyết for one channel.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum }),
    value: t.float({ resolve: (limit) => Number(limit.value) }),
    unit: t.expose('unit', { type: TimeUnitEnum }),
    note: t.exposeString('note', { nullable: true }),
    unverified: t.exposeBoolean('unverified', {
      description: 'True when no source confirmed this value (seed data convention).',
    }),
  }),
});

const FeeRef = builder.prismaObject('ProcedureFee', {
  name: 'Fee',
  description: 'Phí, lệ phí.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, nullable: true, description: 'Null: every channel.' }),
    name: t.exposeString('name'),
    amountVnd: t.exposeInt('amountVnd', {
      nullable: true,
      description: 'Null when set by the provincial People’s Council or not known.',
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

export const ProcedureVersionRef = builder.prismaObject('ProcedureVersion', {
  description:
    'One publication of a procedure (quyết định công bố) with its mandatory components (Decree 63/2010). A save that changes published content adds a version; the one in force at an instant has the latest `appliesFrom` not after it (docs/domain.md §2.4).',
  fields: (t) => ({
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    decisionNumber: t.exposeString('decisionNumber', { nullable: true }),
    decisionDate: t.expose('decisionDate', { type: 'Date', nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', nullable: true }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true }),
    appliesFrom: t.expose('appliesFrom', {
      type: 'DateTime',
      nullable: true,
      description:
        'From when this version governs newly received dossiers (their time limits and due dates): 00:00 of the effective date the change gave, or the moment it was saved; null = since always.',
    }),
    steps: t.field({
      type: [StepGroupRef],
      description: 'Trình tự thực hiện, by case.',
      resolve: (v) => stepsOf(v.steps),
    }),
    channelsText: t.exposeString('channelsText', { nullable: true }),
    dossierComponents: t.field({
      type: [DossierComponentRef],
      description: 'Thành phần, số lượng hồ sơ.',
      resolve: (v) => componentsOf(v.dossierComponents),
    }),
    applicants: t.exposeStringList('applicants'),
    implementingText: t.exposeString('implementingText', { nullable: true }),
    results: t.exposeStringList('results'),
    forms: t.field({
      type: [ProcedureFormRef],
      description: 'Mẫu đơn, tờ khai.',
      resolve: (v) => formsOf(v.forms),
    }),
    conditions: t.exposeString('conditions', { nullable: true }),
    legalBasis: t.field({
      type: [LegalBasisRef],
      description: 'Căn cứ pháp lý.',
      resolve: (v) => legalBasisOf(v.legalBasis),
    }),
    source: t.exposeString('source', { nullable: true }),
    sameDayCutoff: t.string({
      nullable: true,
      description:
        'Same-day procedures (docs/domain.md §2.3): received after this local time (HH:MM), due at the end of the next working day; null: not a same-day procedure.',
      select: { sameDayCutoffMinute: true },
      resolve: ({ sameDayCutoffMinute }) => cutoffOfMinute(sameDayCutoffMinute),
    }),
    timeLimits: t.relation('timeLimits', {
      description: 'One per channel.',
      query: { orderBy: { channel: 'asc' } },
    }),
    fees: t.relation('fees', { query: { orderBy: { id: 'asc' } } }),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description:
        'Who saved this version, as the audit log names them (USER:12, API_KEY:3, CLI); null for versions loaded from the national catalogue.',
    }),
    author: t.field({
      type: ActorRef,
      nullable: true,
      select: { createdBy: true },
      description:
        'Who saved this version, by name: for officials and API keys that read (scope read); null for anonymous callers and for versions loaded from the national catalogue.',
      // Officials' names are for officials: the public sees the catalogue, not who edited it.
      resolve: async ({ createdBy }, _args, ctx) => {
        if (!createdBy || !hasScope(ctx.principal, 'READ')) return null;
        return (await describeActors(ctx.prisma, [createdBy])).get(createdBy) ?? null;
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    changes: t.field({
      type: [ProcedureChangeRef],
      description: 'What this version changed against the one before it (empty for the first version).',
      resolve: (v) => changesOf(v.changes),
    }),
  }),
});

export const ProcedureRef = builder.prismaNode('Procedure', {
  id: { field: 'id' },
  // node(id:) of a row that no longer exists answers null (Relay), not findUniqueOrThrow's 500.
  nullable: true,
  description: 'Thủ tục hành chính.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'National code (mã TTHC), e.g. 1.001193.' }),
    variantCode: t.exposeString('variantCode', { nullable: true, description: 'Local variant code.' }),
    name: t.exposeString('name'),
    sector: t.relation('sector'),
    levels: t.expose('levels', { type: [ImplementingLevelEnum] }),
    onlineLevel: t.expose('onlineLevel', { type: OnlineLevelEnum }),
    eligibleForFullOnline: t.exposeBoolean('eligibleForFullOnline'),
    sameDayCutoff: t.string({
      nullable: true,
      description:
        'Same-day procedures (docs/domain.md §2.3): received after this local time (HH:MM), due at the end of the next working day. That of the version in force now, like `timeLimits`; a dossier is held to the cut-off of the version in force at its reception (`versionInForce(at:)`).',
      select: { versions: { select: { version: true, appliesFrom: true, sameDayCutoffMinute: true } } },
      resolve: (p) => cutoffOfMinute(versionInForce(p.versions, new Date())?.sameDayCutoffMinute ?? null),
    }),
    published: t.exposeBoolean('active', {
      description:
        'Whether the procedure is published in the catalogue. A withdrawn one leaves `procedures` but stays readable here by its code, with its versions.',
    }),
    // Versions are few per procedure: loading them with the procedure (one query for a whole page)
    // and picking the one in force here costs less than a query per procedure.
    timeLimits: t.field({
      type: [TimeLimitRef],
      description: 'One per channel, from the version in force now.',
      select: {
        versions: {
          select: { version: true, appliesFrom: true, timeLimits: { orderBy: { channel: 'asc' } } },
        },
      },
      resolve: (p) => versionInForce(p.versions, new Date())?.timeLimits ?? [],
    }),
    fees: t.field({
      type: [FeeRef],
      description: 'From the version in force now.',
      select: {
        versions: { select: { version: true, appliesFrom: true, fees: { orderBy: { id: 'asc' } } } },
      },
      resolve: (p) => versionInForce(p.versions, new Date())?.fees ?? [],
    }),
    currentVersion: t.field({
      type: ProcedureVersionRef,
      nullable: true,
      description:
        'The version in force now (docs/domain.md §2.4); null when every version applies only later.',
      select: (_args, _ctx, nestedSelection) => ({
        versions: nestedSelection({ orderBy: { version: 'asc' } }),
      }),
      resolve: (p) => versionInForce(p.versions, new Date()),
    }),
    versionInForce: t.field({
      type: ProcedureVersionRef,
      nullable: true,
      description: 'The version in force at an instant: the one that governs a dossier received then.',
      args: { at: t.arg({ type: 'DateTime', required: true }) },
      select: (_args, _ctx, nestedSelection) => ({
        versions: nestedSelection({ orderBy: { version: 'asc' } }),
      }),
      resolve: (p, { at }) => versionInForce(p.versions, at),
    }),
    latestVersion: t.relation('currentVersion', {
      nullable: true,
      description:
        'The latest saved version: the one an edit starts from and copies. It may wait for its effective date (`appliesFrom` in the future), until which `currentVersion` is an earlier one.',
    }),
    versions: t.relation('versions', { query: { orderBy: { version: 'desc' } } }),
  }),
});

export const ProcedureConnection = namedConnection(ProcedureRef, 'Procedure');

const PublicationEnum = builder.enumType('ProcedurePublication', {
  description: 'Which procedures of the catalogue to list, by publication.',
  values: {
    PUBLISHED: { description: 'Published in the catalogue (the public list).' },
    WITHDRAWN: { description: 'Withdrawn from the catalogue, kept for history.' },
    ALL: { description: 'Both.' },
  } as const,
});

const ProcedureFilterInput = builder.inputType('ProcedureFilter', {
  fields: (t) => ({
    search: t.string({
      description: `Accent- and case-insensitive words of the name, or the start of the code; up to ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} distinct words (else BAD_USER_INPUT).`,
    }),
    sectorCode: t.string(),
    agencyCode: t.string({ description: 'Procedures implemented in this agency’s subtree.' }),
    onlineLevel: t.field({ type: OnlineLevelEnum }),
  }),
});

builder.queryFields((t) => ({
  sectors: t.prismaField({
    type: [SectorRef],
    description: 'Every sector (lĩnh vực) of the catalogue, by name: what `sectorCode` of a procedure names.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.sector.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
  procedure: t.prismaField({
    type: 'Procedure',
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.procedure.findUnique({ ...query, where: { code } }),
  }),
  procedures: t.prismaConnection(
    {
      type: 'Procedure',
      cursor: 'code',
      defaultSize: 20,
      maxSize: 100,
      args: {
        filter: t.arg({ type: ProcedureFilterInput }),
        publication: t.arg({
          type: PublicationEnum,
          defaultValue: 'PUBLISHED',
          description:
            'Published procedures (the public catalogue), withdrawn ones, or both; the last two for an official or an API key (else UNAUTHENTICATED).',
        }),
      },
      resolve: async (query, _root, args, ctx) => {
        checkPageSize(args);
        checkCursor(query, 'code', 'code');
        const where = await procedureWhere(ctx.prisma, args.filter, publicationOf(ctx, args.publication));
        return ctx.prisma.procedure.findMany({ ...query, where, orderBy: { code: 'asc' } });
      },
      totalCount: async (_root, args, ctx) =>
        ctx.prisma.procedure.count({
          where: await procedureWhere(ctx.prisma, args.filter, publicationOf(ctx, args.publication)),
        }),
    },
    ProcedureConnection,
  ),
}));

/** Withdrawn procedures are not public: listing them needs a caller who is not anonymous. */
function publicationOf(ctx: Context, publication: Publication | null | undefined): Publication {
  const wanted = publication ?? 'PUBLISHED';
  if (wanted !== 'PUBLISHED' && ctx.principal.kind === 'anonymous') {
    throw new AppError(
      'UNAUTHENTICATED',
      'Danh sách thủ tục đã rút khỏi danh mục chỉ dành cho cán bộ đã đăng nhập hoặc khóa API.',
    );
  }
  return wanted;
}
