import type { CalendarDay, CalendarDayKind, PrismaClient } from '@tthc/db';
import { type CalendarException, WorkingCalendar } from '../domain/calendar.ts';
import { type Day, isValidDay } from '../domain/time.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { audit } from './audit.ts';
import { dateColumn, dayOfDateColumn } from './date-columns.ts';
import type { PubSub } from './live/pubsub.ts';

export interface CalendarDayInput {
  date: Day;
  working: boolean;
  note?: string | null;
  /** What kind of exception; by default HOLIDAY for a day off and SWAP_WORKDAY for a working day. */
  kind?: CalendarDayKind | null;
}

/** One change of the calendar: exceptions to set, and dates whose exception is removed. */
export interface CalendarChangeInput {
  days: readonly CalendarDayInput[];
  /** Dates that go back to the rule (Monday–Friday work, Saturday and Sunday off). */
  remove?: readonly Day[] | null;
}

/** The input list a refusal concerns, so that it can be reported at `["input", list]`. */
export type CalendarInputList = 'days' | 'remove';

/** A refused calendar change: the code and message of any AppError, plus the list at fault. */
export class CalendarInputError extends AppError {
  constructor(
    readonly list: CalendarInputList,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}

/** What a change would do to the calendar in force: the calendars before and after, and the days that turn. */
export interface ProposedCalendar {
  current: WorkingCalendar;
  proposed: WorkingCalendar;
  /** Days whose working status differs between the two calendars (a note or kind alone moves nothing). */
  turnedDays: Day[];
}

const MAX_DAYS_PER_CHANGE = 1000;
const MAX_NOTE_LENGTH = 500;

/** The kinds that fit a day off and a working day (docs/domain.md §3.2 "kinds"). */
const KINDS_OFF: ReadonlySet<CalendarDayKind> = new Set([
  'HOLIDAY',
  'SWAP_DAY_OFF',
  'COMPENSATORY_DAY_OFF',
  'OTHER',
]);
const KINDS_WORKING: ReadonlySet<CalendarDayKind> = new Set(['SWAP_WORKDAY', 'OTHER']);

/**
 * The working calendar, loaded from the CalendarDay table (docs/domain.md §3.2: holidays and swaps are
 * admin data per year). Cached per process; a write through this service refreshes it at once, and
 * other API instances pick the change up within CACHE_MS.
 */
export class CalendarService {
  static readonly CACHE_MS = 30_000;
  private cached: { calendar: WorkingCalendar; exceptions: CalendarException[]; loadedAt: number } | null =
    null;
  private loading: Promise<{ calendar: WorkingCalendar; exceptions: CalendarException[] }> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    /** Where `calendar:changed` goes (calendarChanged subscribers); none for the CLI. */
    private readonly pubsub?: Pick<PubSub, 'publish'>,
  ) {}

  async get(): Promise<WorkingCalendar> {
    return (await this.loaded()).calendar;
  }

  /** The exceptions the calendar in force is built from, by date. */
  async exceptions(): Promise<readonly CalendarException[]> {
    return (await this.loaded()).exceptions;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async loaded() {
    if (this.cached && Date.now() - this.cached.loadedAt < CalendarService.CACHE_MS) return this.cached;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load() {
    const rows = await this.prisma.calendarDay.findMany({ orderBy: { date: 'asc' } });
    const exceptions = rows.map((r) => ({ date: dayOfDateColumn(r.date), working: r.working, note: r.note }));
    const loaded = { calendar: new WorkingCalendar(exceptions), exceptions };
    this.cached = { ...loaded, loadedAt: Date.now() };
    return loaded;
  }

  /** Upserts exceptions (a holiday, a day off swapped with a Saturday, a Saturday made working). */
  async setDays(days: CalendarDayInput[], actor: string): Promise<CalendarDay[]> {
    return (await this.change({ days }, actor)).days;
  }

  /**
   * Sets and removes exceptions in one transaction, with one audit row holding every touched date
   * before and after (null: no exception). A refused input changes nothing.
   */
  async change(input: CalendarChangeInput, actor: string): Promise<{ days: CalendarDay[]; removed: Day[] }> {
    await this.propose(input);
    const remove = input.remove ?? [];
    const touched = [...input.days.map((d) => d.date), ...remove];
    const result = await this.prisma.$transaction(async (tx) => {
      const beforeRows = await tx.calendarDay.findMany({
        where: { date: { in: touched.map(dateColumn) } },
      });
      const before = new Map(beforeRows.map((r) => [dayOfDateColumn(r.date), r]));
      // Checked again inside the transaction: another official may have removed it meanwhile.
      assertRemovable(remove, new Set(before.keys()));
      const saved: CalendarDay[] = [];
      for (const d of input.days) {
        const date = dateColumn(d.date);
        const note = d.note?.trim() || null;
        const kind = kindFor(d, before.get(d.date)?.kind);
        saved.push(
          await tx.calendarDay.upsert({
            where: { date },
            create: { date, working: d.working, note, kind },
            update: { working: d.working, note, kind },
          }),
        );
      }
      if (remove.length > 0)
        await tx.calendarDay.deleteMany({ where: { date: { in: remove.map(dateColumn) } } });
      const after = new Map(saved.map((r) => [dayOfDateColumn(r.date), r]));
      await audit(tx, actor, 'calendar.set-days', 'CalendarDay', undefined, {
        before: Object.fromEntries(touched.map((day) => [day, auditView(before.get(day))])),
        after: Object.fromEntries(touched.map((day) => [day, auditView(after.get(day))])),
      });
      return { days: saved, removed: [...remove] };
    });
    this.invalidate();
    this.pubsub?.publish('calendar:changed', { dates: touched });
    return result;
  }

  /**
   * Checks a change and builds the calendar it would give, without writing anything: the same
   * checks as `change`, so a preview refuses what the update would refuse.
   */
  async propose(input: CalendarChangeInput): Promise<ProposedCalendar> {
    validateChange(input);
    const remove = input.remove ?? [];
    // One snapshot for both: the cache may be reloaded between two calls.
    const { calendar: current, exceptions } = await this.loaded();
    assertRemovable(remove, new Set(exceptions.map((e) => e.date)));
    const replaced = new Set([...input.days.map((d) => d.date), ...remove]);
    const proposed = new WorkingCalendar([
      ...exceptions.filter((e) => !replaced.has(e.date)),
      ...input.days.map((d) => ({ date: d.date, working: d.working, note: d.note ?? null })),
    ]);
    const turnedDays = [...replaced]
      .filter((day) => current.isWorkingDay(day) !== proposed.isWorkingDay(day))
      .sort();
    assertStillWorks(proposed, turnedDays);
    return { current, proposed, turnedDays };
  }

  async list(from: Day, to: Day) {
    return this.prisma.calendarDay.findMany({
      where: { date: { gte: dateColumn(from), lte: dateColumn(to) } },
      orderBy: { date: 'asc' },
    });
  }
}

/** dd/mm/yyyy, as officials read a date. */
const vn = (day: Day) => day.split('-').reverse().join('/');

function validateChange(input: CalendarChangeInput): void {
  const { days } = input;
  const remove = input.remove ?? [];
  if (days.length === 0 && remove.length === 0)
    throw new CalendarInputError('days', 'BAD_USER_INPUT', 'Danh sách ngày không được để trống.');
  if (days.length + remove.length > MAX_DAYS_PER_CHANGE)
    throw new CalendarInputError('days', 'BAD_USER_INPUT', 'Mỗi lần cập nhật tối đa 1.000 ngày.');
  const seen = new Set<string>();
  days.forEach((d, index) => {
    if (!isValidDay(d.date)) {
      throw new CalendarInputError(
        'days',
        'INVALID_DATE',
        `Ngày "${d.date}" không hợp lệ (định dạng YYYY-MM-DD).`,
        { index },
      );
    }
    if (seen.has(d.date))
      throw new CalendarInputError('days', 'DUPLICATE_DATE', `Ngày ${vn(d.date)} xuất hiện hai lần.`, {
        index,
      });
    seen.add(d.date);
    if (d.note && d.note.length > MAX_NOTE_LENGTH) {
      throw new CalendarInputError('days', 'BAD_USER_INPUT', 'Ghi chú tối đa 500 ký tự.', { index });
    }
    if (d.kind && !(d.working ? KINDS_WORKING : KINDS_OFF).has(d.kind)) {
      throw new CalendarInputError(
        'days',
        'BAD_USER_INPUT',
        d.working
          ? `Ngày ${vn(d.date)} là ngày làm việc: loại ngày phải là "làm bù" hoặc "khác".`
          : `Ngày ${vn(d.date)} là ngày nghỉ: loại ngày không thể là "làm bù".`,
        { index },
      );
    }
  });
  remove.forEach((date, index) => {
    if (!isValidDay(date)) {
      throw new CalendarInputError(
        'remove',
        'INVALID_DATE',
        `Ngày "${date}" không hợp lệ (định dạng YYYY-MM-DD).`,
        { index },
      );
    }
    if (seen.has(date)) {
      throw new CalendarInputError(
        'remove',
        'DUPLICATE_DATE',
        `Ngày ${vn(date)} vừa được đặt vừa được xóa trong cùng một lần cập nhật.`,
        { index },
      );
    }
    seen.add(date);
  });
}

function assertRemovable(remove: readonly Day[], existing: ReadonlySet<Day>): void {
  const index = remove.findIndex((day) => !existing.has(day));
  if (index >= 0) {
    throw new CalendarInputError(
      'remove',
      'NOT_FOUND',
      `Ngày ${vn(remove[index]!)} không có ngày nghỉ lễ hay ngày làm bù nào để xóa.`,
      { index },
    );
  }
}

/**
 * Refuses a calendar that the due-date arithmetic could not walk (docs/domain.md §3.2 "Safety": no
 * working day for 366 consecutive days throws): better refused here than failing every ingestion.
 */
function assertStillWorks(calendar: WorkingCalendar, turnedDays: readonly Day[]): void {
  for (const day of turnedDays) {
    if (calendar.isWorkingDay(day)) continue;
    try {
      calendar.workingDayOnOrAfter(day);
      calendar.previousWorkingDay(day);
    } catch {
      throw new CalendarInputError(
        'days',
        'BAD_USER_INPUT',
        `Sau thay đổi này, quanh ngày ${vn(day)} không còn ngày làm việc nào trong hơn một năm.`,
      );
    }
  }
}

/** The kind asked for; else the stored one when it still fits; else the default for the day. */
function kindFor(day: CalendarDayInput, stored: CalendarDayKind | undefined): CalendarDayKind {
  if (day.kind) return day.kind;
  if (stored && (day.working ? KINDS_WORKING : KINDS_OFF).has(stored)) return stored;
  return day.working ? 'SWAP_WORKDAY' : 'HOLIDAY';
}

function auditView(row: CalendarDay | undefined) {
  return row ? { working: row.working, kind: row.kind, note: row.note } : null;
}
