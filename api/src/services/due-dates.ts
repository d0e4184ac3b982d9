import type { Channel, PrismaClient } from '@tthc/db';
import { dueDate } from '../domain/due-date.ts';
import { AppError } from '../errors.ts';
import type { CalendarService } from './calendar.ts';
import { CHANNEL_NAMES, resolveProcedure } from './procedures.ts';

/** The due date of a dossier of `procedureCode` received at `receivedAt` through `channel` (§3). */
export async function computeDueDate(
  prisma: PrismaClient,
  calendars: CalendarService,
  input: { procedureCode: string; receivedAt: Date; channel: Channel },
): Promise<Date> {
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
