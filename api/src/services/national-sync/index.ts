export {
  handleNationalSync,
  MAX_BODY_BYTES,
  MAX_ITEMS,
  NATIONAL_SYNC_PATH,
  type SyncItemError,
  type SyncResult,
  syncItems,
} from './handler.ts';
export {
  MAX_SUPPLEMENTS,
  type MappingContext,
  type MappingError,
  type MappingErrorCode,
  type MappingResult,
  mapDongBoHoSo,
  SEQUENCE,
} from './mapping.ts';
