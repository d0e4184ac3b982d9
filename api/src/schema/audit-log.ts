// The audit log for administrators (services/audit-log.ts): who changed what, when, before and after.
import { reachWith } from '../services/access/reach.ts';
import { type AuditEntry, listAuditEntries } from '../services/audit-log.ts';
import { ActorRef } from './actor.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { bigKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

const ChangeRef = builder.objectRef<Change>('AuditChange').implement({
  description: 'One field that changed, its values as JSON text.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'Name of the field in the recorded object, e.g. displayName.',
    }),
    before: t.string({
      nullable: true,
      description: 'Its value before, as JSON text; null when it had none.',
      resolve: (c) => json(c.before),
    }),
    after: t.string({
      nullable: true,
      description: 'Its value after, as JSON text; null when it has none.',
      resolve: (c) => json(c.after),
    }),
  }),
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields that differ between `data.before` and `data.after`, for entries written with both. */
function changesOf(data: unknown): Change[] {
  if (!isRecord(data) || !('before' in data || 'after' in data)) return [];
  const before = isRecord(data.before) ? data.before : {};
  const after = isRecord(data.after) ? data.after : {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'A configuration change, written in the same transaction as the change.',
  fields: (t) => ({
    id: t.id({ description: 'Id of the entry.', resolve: (e) => String(e.id) }),
    at: t.expose('at', { type: 'DateTime', description: 'When the change was made.' }),
    actor: t.exposeString('actor', { description: 'As recorded: USER:12, API_KEY:3, CLI, …' }),
    who: t.field({ type: ActorRef, description: 'Who made it, by name.', resolve: (e) => e.who }),
    action: t.exposeString('action', { description: 'e.g. user.create, agency.merge, rating.hide-comment.' }),
    entity: t.exposeString('entity', {
      description:
        'Kind of object changed: User, ApiKey, Agency, Rating, CalendarDay, Questionnaire, Procedure, …',
    }),
    entityId: t.exposeString('entityId', {
      nullable: true,
      description: 'Id or code of the object changed; null when the change concerns no single object.',
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'The agency whose subtree the change concerns; null: system- or province-wide.',
      resolve: (e, _args, ctx) =>
        e.agencyId === null ? null : ctx.prisma.agency.findUnique({ where: { id: e.agencyId } }),
    }),
    data: t.string({
      nullable: true,
      description:
        'What was recorded, as JSON text (before and after, for most entries). Never a password or a secret.',
      resolve: (e) => json(e.data ?? undefined),
    }),
    changes: t.field({
      type: [ChangeRef],
      description: 'The fields that differ between before and after; empty for entries without both.',
      resolve: (e) => changesOf(e.data),
    }),
  }),
});

const AuditEntryConnection = namedConnection(
  AuditEntryRef,
  'AuditEntry',
  'audit log entries (nhật ký thao tác)',
);

const AuditLogFilterInput = builder.inputType('AuditLogFilter', {
  description: 'Filter of `auditLog`: every criterion given must hold.',
  fields: (t) => ({
    actor: t.string({ description: 'As recorded: USER:12, API_KEY:3, CLI.' }),
    username: t.string({ description: 'Changes made by this official.' }),
    action: t.string({ description: 'An action (user.create), or a family (user: every user.* action).' }),
    entity: t.string({ description: 'User, ApiKey, Agency, Rating, CalendarDay, Questionnaire, …' }),
    entityId: t.string({ description: 'Changes of the object with this id or code (with `entity`).' }),
    agencyCode: t.string({ description: 'Changes concerning this agency’s subtree.' }),
    from: t.field({ type: 'Date', description: 'From this day (Asia/Ho_Chi_Minh), included.' }),
    to: t.field({ type: 'Date', description: 'To this day, included.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.connection(
    {
      type: AuditEntryRef,
      authScopes: { admin: true },
      description:
        'Configuration changes, newest first (scope: admin): all for a system administrator, else those concerning the caller’s subtree.',
      args: {
        filter: t.arg({
          type: AuditLogFilterInput,
          description: 'Which entries; omitted: all the caller may read.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const reach = await reachWith(ctx.prisma, ctx.principal, 'ADMIN');
        const list = await listAuditEntries(ctx.prisma, reach, args.filter);
        return keysetConnection(args, { type: 'AuditEntry', keyOf: (e) => e.id, parse: bigKey, ...list });
      },
    },
    AuditEntryConnection,
  ),
);
