// The domain core: pure functions and types, no I/O (docs/architecture: server → schema → services → domain).

export * from './calendar.ts';
export * from './due-date.ts';
export * from './processing-histogram.ts';
export * from './time.ts';
export * from './timeliness.ts';
