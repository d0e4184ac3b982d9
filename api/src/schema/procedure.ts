import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../domain/search-text.ts';
import { procedureWhere } from '../services/procedures.ts';
import { builder } from './builder.ts';
import { ChannelEnum, ImplementingLevelEnum, OnlineLevelEnum, TimeUnitEnum } from './enums.ts';
import { checkCursor, checkPageSize, namedConnection } from './pagination.ts';

builder.prismaObject('Sector', {
  description: 'Lĩnh vực.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

builder.prismaObject('ProcedureTimeLimit', {
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

builder.prismaObject('ProcedureFee', {
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

builder.prismaObject('ProcedureVersion', {
  description:
    'One publication of a procedure (quyết định công bố) with its mandatory components (Decree 63/2010).',
  fields: (t) => ({
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    decisionNumber: t.exposeString('decisionNumber', { nullable: true }),
    decisionDate: t.expose('decisionDate', { type: 'Date', nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', nullable: true }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true }),
    applicants: t.exposeStringList('applicants'),
    results: t.exposeStringList('results'),
    conditions: t.exposeString('conditions', { nullable: true }),
    channelsText: t.exposeString('channelsText', { nullable: true }),
    implementingText: t.exposeString('implementingText', { nullable: true }),
    source: t.exposeString('source', { nullable: true }),
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
      description: 'Same-day procedures: received after this local time (HH:MM), due the next working day.',
      select: { sameDayCutoffMinute: true },
      resolve: ({ sameDayCutoffMinute: m }) =>
        m == null
          ? null
          : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
    }),
    // Limits and fees of the version in force (a procedure keeps its older versions for history).
    timeLimits: t.relation('timeLimits', {
      description: 'One per channel, from the current version.',
      query: { where: { version: { currentOf: { isNot: null } } }, orderBy: { channel: 'asc' } },
    }),
    fees: t.relation('fees', {
      query: { where: { version: { currentOf: { isNot: null } } }, orderBy: { id: 'asc' } },
    }),
    currentVersion: t.relation('currentVersion', { nullable: true }),
    versions: t.relation('versions', { query: { orderBy: { version: 'desc' } } }),
  }),
});

export const ProcedureConnection = namedConnection(ProcedureRef, 'Procedure');

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
      args: { filter: t.arg({ type: ProcedureFilterInput }) },
      resolve: async (query, _root, args, ctx) => {
        checkPageSize(args);
        checkCursor(query, 'code', 'code');
        const where = await procedureWhere(ctx.prisma, args.filter);
        return ctx.prisma.procedure.findMany({ ...query, where, orderBy: { code: 'asc' } });
      },
      totalCount: async (_root, args, ctx) =>
        ctx.prisma.procedure.count({ where: await procedureWhere(ctx.prisma, args.filter) }),
    },
    ProcedureConnection,
  ),
}));
