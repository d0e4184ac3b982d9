import { cutoffOfMinute } from '../domain/procedure-record.ts';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../domain/search-text.ts';
import { versionInForce } from '../domain/version-in-force.ts';
import { AppError } from '../errors.ts';
import { hasScope } from '../services/access/principal.ts';
import { describeActors } from '../services/audit-log.ts';
import type { Context } from '../services/context.ts';
import { componentsOf, formsOf, legalBasisOf, stepsOf } from '../services/procedure-records.ts';
import { type Publication, procedureRowByCode, procedureWhere } from '../services/procedures.ts';
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
  description: 'Sector of the procedure catalogue (lĩnh vực), e.g. “Hộ tịch” (civil status).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Sector code (mã lĩnh vực), as `sectorCode` of a procedure or a filter takes it.',
    }),
    name: t.exposeString('name', { description: 'Sector name (tên lĩnh vực), in Vietnamese.' }),
  }),
});

const TimeLimitRef = builder.prismaObject('ProcedureTimeLimit', {
  name: 'TimeLimit',
  description:
    'Statutory time limit for resolving a dossier filed through one channel (thời hạn giải quyết): `value` `unit`, e.g. 5 WORKING_DAYS.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel this limit applies to.' }),
    value: t.float({
      description:
        'Length of the limit in `unit`: greater than 0, at most two decimals (0.5 working day = 4 working hours), whole for DAYS and MONTHS.',
      resolve: (limit) => Number(limit.value),
    }),
    unit: t.expose('unit', { type: TimeUnitEnum, description: 'Unit of `value`.' }),
    note: t.exposeString('note', {
      nullable: true,
      description:
        'The limit as the published record words it (e.g. “Trường hợp nhận hồ sơ sau 15 giờ …”); null when none.',
    }),
    unverified: t.exposeBoolean('unverified', {
      description: 'True when no source confirmed this value (seed data convention).',
    }),
  }),
});

const FeeRef = builder.prismaObject('ProcedureFee', {
  name: 'Fee',
  description: 'A fee or charge of the procedure (phí, lệ phí), as published.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, nullable: true, description: 'Null: every channel.' }),
    name: t.exposeString('name', {
      description: 'Name of the fee as published, e.g. “Lệ phí đăng ký khai sinh”.',
    }),
    amountVnd: t.exposeInt('amountVnd', {
      nullable: true,
      description:
        'Amount in whole Vietnamese đồng (VND); null when set by the provincial People’s Council (HĐND) or not known.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Conditions of the fee as published (exemptions, cases); null when none.',
    }),
  }),
});

export const ProcedureVersionRef = builder.prismaObject('ProcedureVersion', {
  description:
    'One publication of a procedure (quyết định công bố) with its mandatory components (Decree 63/2010). A save that changes published content adds a version; the one in force at an instant has the latest `appliesFrom` not after it (docs/domain.md §2.4).',
  fields: (t) => ({
    version: t.exposeInt('version', {
      description: 'Version number: 1 for the first, n + 1 for each save that changes published content.',
    }),
    name: t.exposeString('name', { description: 'Name of the procedure in this version (tên thủ tục).' }),
    decisionNumber: t.exposeString('decisionNumber', {
      nullable: true,
      description:
        'Number of the publication decision (số quyết định công bố), e.g. 163/QĐ-BTP; null when not known.',
    }),
    decisionDate: t.expose('decisionDate', {
      type: 'Date',
      nullable: true,
      description: 'Day the publication decision was signed (ngày ban hành); null when not known.',
    }),
    effectiveFrom: t.expose('effectiveFrom', {
      type: 'Date',
      nullable: true,
      description:
        'First day the decision is in effect (ngày hiệu lực); null when not known. `appliesFrom` says from when this version governs dossiers.',
    }),
    effectiveTo: t.expose('effectiveTo', {
      type: 'Date',
      nullable: true,
      description: 'Last day the decision is in effect (ngày hết hiệu lực); null: no end set.',
    }),
    appliesFrom: t.expose('appliesFrom', {
      type: 'DateTime',
      nullable: true,
      description:
        'From when this version governs newly received dossiers (their time limits and due dates): 00:00 of the effective date the change gave, or the moment it was saved; null = since always.',
    }),
    steps: t.field({
      type: [StepGroupRef],
      description: 'Steps (trình tự thực hiện), by case.',
      resolve: (v) => stepsOf(v.steps),
    }),
    channelsText: t.exposeString('channelsText', {
      nullable: true,
      description:
        'How the procedure is carried out (cách thức thực hiện), as published; null when not given.',
    }),
    dossierComponents: t.field({
      type: [DossierComponentRef],
      description: 'Documents of the dossier and how many of each (thành phần, số lượng hồ sơ).',
      resolve: (v) => componentsOf(v.dossierComponents),
    }),
    applicants: t.exposeStringList('applicants', {
      description: 'Who may file (đối tượng thực hiện), one line each, e.g. “Công dân Việt Nam”.',
    }),
    implementingText: t.exposeString('implementingText', {
      nullable: true,
      description: 'The implementing agency (cơ quan thực hiện), as published; null when not given.',
    }),
    results: t.exposeStringList('results', {
      description: 'What the applicant receives (kết quả thực hiện), one line each, e.g. “Giấy khai sinh”.',
    }),
    forms: t.field({
      type: [ProcedureFormRef],
      description: 'Forms and declarations to fill in (mẫu đơn, tờ khai).',
      resolve: (v) => formsOf(v.forms),
    }),
    conditions: t.exposeString('conditions', {
      nullable: true,
      description:
        'Requirements and conditions (yêu cầu, điều kiện), as published; null when there are none.',
    }),
    legalBasis: t.field({
      type: [LegalBasisRef],
      description: 'Legal documents the procedure rests on (căn cứ pháp lý).',
      resolve: (v) => legalBasisOf(v.legalBasis),
    }),
    source: t.exposeString('source', {
      nullable: true,
      description:
        'Where this content comes from (e.g. the national database of procedures and the decision); null when not recorded.',
    }),
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
    fees: t.relation('fees', {
      description: 'Fees and charges (phí, lệ phí) of this version, as published.',
      query: { orderBy: { id: 'asc' } },
    }),
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
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was saved.' }),
    changes: t.field({
      type: [ProcedureChangeRef],
      description: 'What this version changed against the one before it (empty for the first version).',
      resolve: (v) => changesOf(v.changes),
    }),
  }),
});

export const ProcedureRef = builder.prismaNode('Procedure', {
  id: { field: 'id', description: 'Global id of this procedure (Relay).' },
  // node(id:) of a row that no longer exists answers null (Relay), not findUniqueOrThrow's 500.
  nullable: true,
  description:
    'Administrative procedure (thủ tục hành chính, TTHC) of the national catalogue, identified by its national code. Its published content lives in versions (`versions`, `currentVersion`); the fields here that a list shows apply at once.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'National code (mã TTHC), e.g. 1.001193.' }),
    variantCode: t.exposeString('variantCode', {
      nullable: true,
      description: 'Local variant code (mã biến thể), e.g. 1.003560.000.00.00.H56; null when none.',
    }),
    name: t.exposeString('name', {
      description: 'Name of the procedure (tên thủ tục), as the catalogue lists it.',
    }),
    sector: t.relation('sector', { description: 'Sector of the catalogue (lĩnh vực).' }),
    levels: t.expose('levels', {
      type: [ImplementingLevelEnum],
      description: 'Levels of government that carry it out (cấp thực hiện); at least one.',
    }),
    onlineLevel: t.expose('onlineLevel', {
      type: OnlineLevelEnum,
      description: 'Online public service level (Decree 42/2022/NĐ-CP); INFO_ONLY when not offered online.',
    }),
    eligibleForFullOnline: t.exposeBoolean('eligibleForFullOnline', {
      description:
        'Whether the procedure qualifies to be offered fully online (đủ điều kiện trực tuyến toàn trình).',
    }),
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
      args: {
        at: t.arg({
          type: 'DateTime',
          required: true,
          description: 'The instant, e.g. a dossier’s reception.',
        }),
      },
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
    versions: t.relation('versions', {
      description: 'Every saved version, newest first, those waiting for their `appliesFrom` included.',
      query: { orderBy: { version: 'desc' } },
    }),
  }),
});

export const ProcedureConnection = namedConnection(
  ProcedureRef,
  'Procedure',
  'administrative procedures (thủ tục hành chính)',
);

const PublicationEnum = builder.enumType('ProcedurePublication', {
  description: 'Which procedures of the catalogue to list, by publication.',
  values: {
    PUBLISHED: { description: 'Published in the catalogue (the public list).' },
    WITHDRAWN: { description: 'Withdrawn from the catalogue, kept for history.' },
    ALL: { description: 'Both.' },
  } as const,
});

const ProcedureFilterInput = builder.inputType('ProcedureFilter', {
  description: 'Filter of `procedures`: every criterion given must hold.',
  fields: (t) => ({
    search: t.string({
      description: `Accent- and case-insensitive words of the name, or the start of the code; up to ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} distinct words (else BAD_USER_INPUT).`,
    }),
    sectorCode: t.string({ description: 'Only procedures of this sector (lĩnh vực; see `sectors`).' }),
    agencyCode: t.string({ description: 'Procedures implemented in this agency’s subtree.' }),
    onlineLevel: t.field({ type: OnlineLevelEnum, description: 'Only procedures of this online level.' }),
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
    description:
      'The procedure with this national code, withdrawn ones included (`published: false`); null when the catalogue has no such code. Public.',
    args: {
      code: t.arg.string({
        required: true,
        description: 'National procedure code (mã TTHC), e.g. "1.001193".',
      }),
    },
    // A selection of the row's own fields (Pothos asks for no relation: `query` is empty), as the
    // widget's figures make it, is read without Prisma (procedureRowByCode: a tenth of the CPU).
    resolve: (query, _root, { code }, ctx) =>
      Object.keys(query).length === 0
        ? procedureRowByCode(ctx.db.pool, code)
        : ctx.prisma.procedure.findUnique({ ...query, where: { code } }),
  }),
  procedures: t.prismaConnection(
    {
      type: 'Procedure',
      cursor: 'code',
      defaultSize: 20,
      maxSize: 100,
      description:
        'The procedure catalogue (danh mục thủ tục hành chính), in code order; public for published procedures.',
      args: {
        filter: t.arg({
          type: ProcedureFilterInput,
          description: 'Which procedures to list; omitted: all of `publication`.',
        }),
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
