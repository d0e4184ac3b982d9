// Dossier events as a one-stop system sends them to recordDossierEvents, for scripted test scenarios.

export interface DossierEventInput {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  channel: string;
  status: string;
  occurredAt: string;
  sequence: number;
  dueAt?: string;
  apologyRef?: string;
}

/** A local time in Asia/Ho_Chi_Minh, written 'YYYY-MM-DDTHH:mm', as an ISO instant. */
export const at = (local: string) => `${local}:00+07:00`;

/** One dossier's events, numbered 1, 2, … in the order given: [status, local time, extra fields]. */
export function dossierEvents(
  code: string,
  agencyCode: string,
  procedureCode: string,
  channel: string,
  steps: [string, string, Partial<DossierEventInput>?][],
): DossierEventInput[] {
  return steps.map(([status, time, extra], i) => ({
    dossierCode: code,
    procedureCode,
    agencyCode,
    channel,
    status,
    occurredAt: at(time),
    sequence: i + 1,
    ...extra,
  }));
}
