// The reminders of the reform programme's tasks for a dashboard (docs/domain.md §7.1): a load
// function calls loadReformAlerts(event, { agencyCode }) and hands the result to
// <ReformTaskAlerts reminders={…} />. A dashboard shows other figures too, so a failure here (other
// than an ended session, which goes to /login as everywhere) gives null — "không tải được" — instead
// of an error page.
import type { RequestEvent } from '@sveltejs/kit';
import {
  AdminReformTaskRemindersDocument,
  type AdminReformTaskRemindersQuery,
} from '$lib/graphql/generated/graphql';
import { throwAsPage } from '$lib/server/api';
import { ApiRequestError } from '$lib/server/graphql';

export type ReformReminders = AdminReformTaskRemindersQuery['reformTaskReminders'];

export interface ReformAlertOptions {
  /** The agency whose subtree's tasks are listed (responsible units); default all the official reads. */
  agencyCode?: string | null;
  /** "Due soon" = deadline within this many days (default 7, as the API). */
  dueWithinDays?: number;
}

export async function loadReformAlerts(
  event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>,
  options: ReformAlertOptions = {},
): Promise<ReformReminders | null> {
  try {
    const data = await event.locals.api.request(AdminReformTaskRemindersDocument, {
      agencyCode: options.agencyCode ?? null,
      dueWithinDays: options.dueWithinDays ?? 7,
    });
    return data.reformTaskReminders;
  } catch (caught) {
    if (caught instanceof ApiRequestError && caught.problem === 'unauthenticated') throwAsPage(event, caught);
    if (!(caught instanceof ApiRequestError)) throw caught;
    console.error(`[admin-ui] reform reminders: API ${caught.problem}: ${caught.message}`);
    return null;
  }
}
