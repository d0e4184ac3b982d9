export {
  MAX_SUPPLEMENTS,
  type MappingContext,
  type MappingError,
  type MappingErrorCode,
  type MappingResult,
  mapDongBoHoSo,
  SEQUENCE,
} from './mapping.ts';
export {
  MAX_EVENTS_PER_CALL,
  type SyncItemError,
  type SyncResult,
  syncItems,
} from './sync.ts';
