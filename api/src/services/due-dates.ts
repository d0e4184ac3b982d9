import type { Channel, PrismaClient } from '@tthc/db';
import { dueDate } from '../domain/due-date.ts';
import { EARLIEST_INSTANT, isServiceInstant, LATEST_INSTANT } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import type { CalendarService } from './calendar.ts';
import { CHANNEL_NAMES, resolveProcedure } from './procedures.ts';

/** The due date of a dossier of `procedureCode` received at `receivedAt` through `channel` (§3). */
export async function computeDueDate(
  prisma: PrismaClient,
  calendars: CalendarService,
  input: { procedureCode: string; receivedAt: Date; channel: Channel },
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
  const limit = await prisma.procedureTimeLimit.findFirst({
    where: { procedureId: procedure.id, channel: input.channel, versionId: procedure.currentVersionId },
  });
  if (!limit) {
    throw new AppError(
      'NO_TIME_LIMIT',
      `Thủ tục ${procedure.code} chưa có thời hạn giải quyết cho hình thức "${CHANNEL_NAMES[input.channel]}".`,
      { procedureCode: procedure.code, channel: input.channel },
    );
  }
  const calendar = await calendars.get();
  return dueDate(
    calendar,
    input.receivedAt,
    { value: Number(limit.value), unit: limit.unit },
    { sameDayCutoffMinute: procedure.sameDayCutoffMinute },
  );
}
