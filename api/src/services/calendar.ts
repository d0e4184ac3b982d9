import type { CalendarDayKind, PrismaClient } from '@tthc/db';
import { WorkingCalendar } from '../domain/calendar.ts';
import { type Day, isValidDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import { dateColumn, dayOfDateColumn } from './date-columns.ts';
import type { PubSub } from './live/pubsub.ts';

export interface CalendarDayInput {
  date: Day;
  working: boolean;
  note?: string | null;
}

/**
 * The working calendar, loaded from the CalendarDay table (docs/domain.md §3.2: holidays and swaps are
 * admin data per year). Cached per process; a write through this service refreshes it at once, and
 * other API instances pick the change up within CACHE_MS.
 */
export class CalendarService {
  static readonly CACHE_MS = 30_000;
  private cached: { calendar: WorkingCalendar; loadedAt: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    /** Where `calendar:changed` goes (calendarChanged subscribers); none for the CLI. */
    private readonly pubsub?: Pick<PubSub, 'publish'>,
  ) {}

  async get(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CalendarService.CACHE_MS)
      return this.cached.calendar;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<WorkingCalendar> {
    const rows = await this.prisma.calendarDay.findMany({ orderBy: { date: 'asc' } });
    const calendar = new WorkingCalendar(
      rows.map((r) => ({ date: dayOfDateColumn(r.date), working: r.working, note: r.note })),
    );
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  /** Upserts exceptions (a holiday, a day off swapped with a Saturday, a Saturday made working). */
  async setDays(days: CalendarDayInput[], actor: string) {
    validateDays(days);
    const rows = await this.prisma.$transaction(async (tx) => {
      const saved = [];
      for (const d of days) {
        const date = dateColumn(d.date);
        const note = d.note?.trim() || null;
        const kind: CalendarDayKind = d.working ? 'SWAP_WORKDAY' : 'HOLIDAY';
        saved.push(
          await tx.calendarDay.upsert({
            where: { date },
            create: { date, working: d.working, note, kind },
            update: { working: d.working, note },
          }),
        );
      }
      await audit(
        tx,
        actor,
        'calendar.set-days',
        'CalendarDay',
        undefined,
        days.map((d) => ({ ...d })),
      );
      return saved;
    });
    this.invalidate();
    this.pubsub?.publish('calendar:changed', { dates: days.map((d) => d.date) });
    return rows;
  }

  async list(from: Day, to: Day) {
    return this.prisma.calendarDay.findMany({
      where: { date: { gte: dateColumn(from), lte: dateColumn(to) } },
      orderBy: { date: 'asc' },
    });
  }
}

function validateDays(days: CalendarDayInput[]): void {
  if (days.length === 0) throw new AppError('BAD_USER_INPUT', 'Danh sách ngày không được để trống.');
  if (days.length > 1000) throw new AppError('BAD_USER_INPUT', 'Mỗi lần cập nhật tối đa 1.000 ngày.');
  const seen = new Set<string>();
  days.forEach((d, index) => {
    if (!isValidDay(d.date)) {
      throw new AppError('INVALID_DATE', `Ngày "${d.date}" không hợp lệ (định dạng YYYY-MM-DD).`, { index });
    }
    if (seen.has(d.date))
      throw new AppError('DUPLICATE_DATE', `Ngày ${d.date} xuất hiện hai lần.`, { index });
    seen.add(d.date);
    if (d.note && d.note.length > 500) {
      throw new AppError('BAD_USER_INPUT', 'Ghi chú tối đa 500 ký tự.', { index });
    }
  });
}
