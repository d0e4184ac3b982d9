import type { Channel, PrismaClient } from '@tthc/db';
import { dueDate } from '../domain/due-date.ts';
import { calendarWithPractice } from '../domain/practice-settings.ts';
import { dayOf, EARLIEST_INSTANT, isServiceInstant, LATEST_INSTANT } from '../domain/time.ts';
import { versionInForce } from '../domain/version-in-force.ts';
import { AppError } from '../errors.ts';
import { resolveAgencyForPeriod } from './agencies.ts';
import type { CalendarService } from './calendar.ts';
import { practiceFor } from './practice-settings.ts';
import { CHANNEL_NAMES, resolveProcedure } from './procedures.ts';

/**
 * The time limit for `channel` and the same-day cut-off (docs/domain.md §2.3) of the version in force
 * at `receivedAt` (§2.4): the versions are few, so all of them come in one query with their limit for
 * the channel. A procedure without any version (none in the seed) keeps its limits on the procedure
 * alone, and has no cut-off.
 */
async function rulesInForce(prisma: PrismaClient, procedureId: number, channel: Channel, receivedAt: Date) {
  const versions = await prisma.procedureVersion.findMany({
    where: { procedureId },
    select: {
      version: true,
      appliesFrom: true,
      sameDayCutoffMinute: true,
      timeLimits: { where: { channel } },
    },
  });
  if (versions.length === 0) {
    const limit = await prisma.procedureTimeLimit.findFirst({
      where: { procedureId, channel, versionId: null },
    });
    return { limit, sameDayCutoffMinute: null };
  }
  const version = versionInForce(versions, receivedAt);
  return { limit: version?.timeLimits[0] ?? null, sameDayCutoffMinute: version?.sameDayCutoffMinute ?? null };
}

/**
 * The due date of a dossier of `procedureCode` received at `receivedAt` through `channel` (§3), with
 * the time limit and the same-day cut-off of the version in force at that instant.
 */
export async function computeDueDate(
  prisma: PrismaClient,
  calendars: CalendarService,
  input: { procedureCode: string; receivedAt: Date; channel: Channel; agencyCode?: string | null },
): Promise<Date> {
  // A year like 9999 would only make the working calendar walk for centuries.
  if (!isServiceInstant(input.receivedAt)) {
    throw new AppError(
      'INVALID_DATE',
      'Thời điểm tiếp nhận phải nằm trong khoảng từ ngày 01/01/2000 đến ngày 31/12/2100.',
      {
        min: EARLIEST_INSTANT.toISOString(),
        max: LATEST_INSTANT.toISOString(),
      },
    );
  }
  const procedure = await resolveProcedure(prisma, input.procedureCode);
  const { limit, sameDayCutoffMinute } = await rulesInForce(
    prisma,
    procedure.id,
    input.channel,
    input.receivedAt,
  );
  if (!limit) {
    throw new AppError(
      'NO_TIME_LIMIT',
      `Thủ tục ${procedure.code} chưa có thời hạn giải quyết cho hình thức "${CHANNEL_NAMES[input.channel]}" tại thời điểm tiếp nhận.`,
      { procedureCode: procedure.code, channel: input.channel },
    );
  }
  // The receiving unit's province may work other hours (practice settings in force on the day of
  // receipt, docs/domain.md §3.2), as ingestion counts them.
  const day = dayOf(input.receivedAt);
  const practice =
    input.agencyCode == null
      ? null
      : await practiceFor(prisma, (await resolveAgencyForPeriod(prisma, input.agencyCode, day)).id, day);
  const base = await calendars.get();
  const calendar = practice ? calendarWithPractice(base, practice) : base;
  return dueDate(
    calendar,
    input.receivedAt,
    { value: Number(limit.value), unit: limit.unit },
    { sameDayCutoffMinute },
  );
}
