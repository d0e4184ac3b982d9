import type { Prisma, PrismaClient } from '@tthc/db';

type Writer = Pick<PrismaClient, 'auditLog'> | Prisma.TransactionClient;

/** Appends to the audit log; pass the transaction client so the entry commits with the change. */
export async function audit(
  prisma: Writer,
  actor: string,
  action: string,
  entity: string,
  entityId?: string,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  await prisma.auditLog.create({
    data: { actor, action, entity, entityId: entityId ?? null, ...(data === undefined ? {} : { data }) },
  });
}
