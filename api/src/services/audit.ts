import type { Prisma, PrismaClient } from '@tthc/db';

type Writer = Pick<PrismaClient, 'auditLog'> | Prisma.TransactionClient;

export interface AuditOptions {
  /**
   * The agency whose subtree the change concerns: unit admins browse the entries of their subtree
   * (services/audit-log.ts). Null or absent: a system- or province-wide change (the calendar, the
   * catalogue), shown to system administrators only.
   */
  agencyId?: number | null;
}

/** Appends to the audit log; pass the transaction client so the entry commits with the change. */
export async function audit(
  prisma: Writer,
  actor: string,
  action: string,
  entity: string,
  entityId?: string,
  data?: Prisma.InputJsonValue,
  options: AuditOptions = {},
): Promise<void> {
  await prisma.auditLog.create({
    data: {
      actor,
      action,
      entity,
      entityId: entityId ?? null,
      agencyId: options.agencyId ?? null,
      ...(data === undefined ? {} : { data }),
    },
  });
}
