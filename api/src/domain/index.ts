// The domain core: pure functions and types, no I/O (docs/architecture.md: server → schema → services → domain).

export * from './calendar.ts';
export * from './dossier-state.ts';
export * from './due-date.ts';
export * from './event-admission.ts';
export * from './index766.ts';
export * from './one-stop-evaluation.ts';
export * from './open-judgement.ts';
export * from './processing-histogram.ts';
export * from './ratios.ts';
export * from './rollup-contribution.ts';
export * from './search-text.ts';
export * from './sipas.ts';
export * from './time.ts';
export * from './timeliness.ts';
