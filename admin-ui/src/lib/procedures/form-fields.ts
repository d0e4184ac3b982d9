// The order and names of the procedure form's parts, shared by the form and its error summary.
import type { RowGroup } from './draft';

/** Top-level fields in the order the form shows them (the error summary follows it). */
export const FIELD_ORDER = [
  'code',
  'variantCode',
  'name',
  'sectorCode',
  'onlineLevel',
  'sameDayCutoff',
  'levels',
  'eligibleForFullOnline',
  'timeLimits',
  'fees',
  'steps',
  'channelsText',
  'dossierComponents',
  'applicants',
  'results',
  'implementingText',
  'agencyCodes',
  'forms',
  'conditions',
  'legalBasis',
  'decisionNumber',
  'decisionDate',
  'effectiveFrom',
  'effectiveTo',
  'source',
] as const;

export const GROUP_LABELS: Record<RowGroup, string> = {
  fees: 'Phí, lệ phí',
  steps: 'Trình tự thực hiện',
  dossierComponents: 'Thành phần hồ sơ',
  forms: 'Mẫu đơn, tờ khai',
  legalBasis: 'Căn cứ pháp lý',
};
