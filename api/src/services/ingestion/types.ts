// The shapes ingestion passes between its steps (validate → resolve → apply → store), in one file
// that imports none of them, so the steps depend on it and not on each other in a circle.
import type { ApplicantType, Channel, DossierStatus } from '@tthc/db';
import type { DerivedField } from '../../domain/event-admission.ts';
import type { ErrorCode } from '../../errors.ts';
import type { AgencyScope } from '../access/agency-scope.ts';
import type { ReferenceData } from './reference.ts';

export interface DossierEventInput {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  channel: Channel;
  status: DossierStatus;
  occurredAt: Date;
  sequence: number;
  dueAt?: Date | null;
  apologyRef?: string | null;
  applicantType?: ApplicantType | null;
  /**
   * Fields the sender inferred rather than read (set by the national mapping, never by GraphQL
   * clients): not compared when the same sequence comes again (domain/event-admission.ts rule 1).
   */
  derived?: readonly DerivedField[];
}

export interface InputError {
  index: number;
  code: ErrorCode;
  message: string;
  /** The event's field at fault, when one is (for the paths of GraphQL `userErrors`). */
  field?: keyof DossierEventInput;
  /** Set when the error is about the list itself rather than the event at `index`: its name. */
  inputField?: 'events';
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  errors: InputError[];
}

export interface IngestOptions {
  source: 'GRAPHQL' | 'NATIONAL_SYNC';
  actor: string;
  /**
   * The agencies the caller may write for (access/agency-scope.ts), computed once for the request: an
   * event naming another agency, or for a dossier recorded under another agency, is OUT_OF_SCOPE.
   */
  scope: AgencyScope;
}

/** What changed, for live subscribers: the agencies and procedures whose figures moved. */
export interface StatsChange {
  agencyIds: number[];
  procedureIds: number[];
}

/** A valid event, resolved against the catalogue. */
export interface ResolvedEvent {
  index: number;
  input: DossierEventInput;
  procedureId: number;
  agencyId: number;
  reference: ReferenceData;
}

/** One batch as submitted, and what became of it (filled in by applyGroup). */
export interface IngestJob {
  resolved: ResolvedEvent[];
  errors: InputError[];
  /** Errors found before the transaction (validation); a retry starts again from these. */
  validationErrors: number;
  options: IngestOptions;
  accepted: number;
  duplicates: number;
}

/** What identifies a dossier beyond its code; fixed by its first recorded event. */
export interface Identity {
  procedureId: number;
  agencyId: number;
  agencyCode: string;
  channel: Channel;
  applicantType: ApplicantType | null;
}
