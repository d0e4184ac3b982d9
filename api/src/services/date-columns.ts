import type { Day } from '../domain/time.ts';

// PostgreSQL `date` columns (@db.Date) reach Prisma as JavaScript Dates at UTC midnight of that day;
// these two convert between them and the domain's days (Asia/Ho_Chi_Minh), which are the same days.

export const dateColumn = (day: Day): Date => new Date(`${day}T00:00:00Z`);

export const dayOfDateColumn = (value: Date): Day => value.toISOString().slice(0, 10);
