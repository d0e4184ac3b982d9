// Who may do what with the reform programme's tasks (docs/api.md "Roles"): the REFORM capability
// enters and edits them; progress is reported by the responsible unit's officers (INGEST) or by the
// office that monitors them (REFORM), so a report's reach is the union of the two.
import type { PrismaClient } from '@tthc/db';
import { actorOf, type Principal } from '../access/principal.ts';
import { type Reach, reachWith } from '../access/reach.ts';
import type { ReformWriter } from './writes.ts';

function union(a: Reach, b: Reach): Reach {
  if (a.everywhere || b.everywhere) return a.everywhere ? a : b;
  const ids = [...new Set([...a.agencyIds, ...b.agencyIds])];
  return { everywhere: false, agencyIds: ids, covers: (id) => a.covers(id) || b.covers(id) };
}

/** The writer of task entries and edits: where the caller holds REFORM. */
export async function reformEditor(prisma: PrismaClient, principal: Principal): Promise<ReformWriter> {
  return { actor: actorOf(principal), reach: await reachWith(prisma, principal, 'REFORM') };
}

/** The writer of progress reports: where the caller holds INGEST or REFORM. */
export async function progressReporter(prisma: PrismaClient, principal: Principal): Promise<ReformWriter> {
  const [ingest, reform] = await Promise.all([
    reachWith(prisma, principal, 'INGEST'),
    reachWith(prisma, principal, 'REFORM'),
  ]);
  return { actor: actorOf(principal), reach: union(ingest, reform) };
}
