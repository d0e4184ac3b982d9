// Query.lateDossiers: the dossiers behind `ServiceStats.lateOpen`, for officials who may read them
// (services/late-dossiers.ts), and how far past due each is.
import { MINUTES_PER_WORKING_DAY } from '../domain/calendar.ts';
import { calendarWithPractice, practiceInForce } from '../domain/practice-settings.ts';
import { dayOf } from '../domain/time.ts';
import { reachWith } from '../services/access/reach.ts';
import { listLateDossiers } from '../services/late-dossiers.ts';
import { practiceHistoryFor } from '../services/practice-settings.ts';
import { builder } from './builder.ts';
import { DossierRef } from './dossier.ts';
import { bigKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import { StatsScopeInput } from './stats.ts';

builder.prismaObjectField('Dossier', 'workingDaysOverdue', (t) =>
  t.float({
    description:
      'Working days from the due date timeliness is judged against to the end (or now, while unfinished), counted on the working hours of the province in force at reception; 0 when not past due.',
    select: { timelinessDueAt: true, endedAt: true, receivedAt: true, agencyId: true },
    resolve: async (d, _args, ctx) => {
      if (!d.timelinessDueAt) return 0;
      const [base, history] = await Promise.all([
        ctx.calendars.get(),
        practiceHistoryFor(ctx.prisma, ctx, d.agencyId),
      ]);
      // The hours the dossier's due date was counted on (ingestion folds it with those of its reception).
      const hours = practiceInForce(history, dayOf(d.receivedAt ?? d.timelinessDueAt));
      const minutes = calendarWithPractice(base, hours).workingMinutesBetween(
        d.timelinessDueAt,
        d.endedAt ?? new Date(),
      );
      return Math.round((minutes / MINUTES_PER_WORKING_DAY) * 10) / 10;
    },
  }),
);

const LateDossierConnection = namedConnection(
  DossierRef,
  'LateDossier',
  'open late dossiers (hồ sơ đang quá hạn)',
);

builder.queryField('lateDossiers', (t) =>
  t.connection(
    {
      type: DossierRef,
      authScopes: { read: true },
      description:
        'Dossiers of the scope unfinished and past due on `asOf` (default today; a later day is judged today), oldest first: the dossiers `stats(…).lateOpen` counts for a period ending that day. For callers who may read dossiers (VIEWER and above, read keys) within their subtree; an agency outside it is FORBIDDEN.',
      args: {
        scope: t.arg({
          type: StatsScopeInput,
          required: true,
          description:
            'Whose dossiers: an agency subtree and/or a procedure; without an agency, the caller’s subtree.',
        }),
        asOf: t.arg({
          type: 'Date',
          description:
            'The day the dossiers are judged on, as they stood then; default today (a later day is judged today).',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const readers = await reachWith(ctx.prisma, ctx.principal, 'READ');
        const list = await listLateDossiers(ctx.db, ctx.principal, readers, {
          scope: args.scope,
          asOf: args.asOf ?? null,
        });
        return keysetConnection(args, { type: 'LateDossier', keyOf: (d) => d.id, parse: bigKey, ...list });
      },
    },
    LateDossierConnection,
  ),
);
