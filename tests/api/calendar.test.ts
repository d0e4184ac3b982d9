// dueDate over the API with the seeded calendar, and setCalendarDays (admin) with its live event.
import { createApiKey } from '@tthc/api';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi(200);
});
afterAll(async () => {
  await t?.close();
});

const DUE = `query($p: String!, $at: DateTime!, $c: Channel!) { dueDate(procedureCode: $p, receivedAt: $at, channel: $c) }`;
const due = async (p: string, at: string, c = 'IN_PERSON') => {
  const res = await t.gql<{ dueDate: string }>(DUE, { p, at, c });
  return res.errors ? { error: res.errors[0]?.extensions?.code } : res.data!.dueDate;
};

describe('dueDate', () => {
  it('same-day procedure: before the 15:00 cut-off it is due at the end of that working day', async () => {
    // 1.001193 khai sinh; Friday 27/11/2026 10:00 → due 17:00 the same day.
    expect(await due('1.001193', '2026-11-27T10:00:00+07:00')).toBe('2026-11-27T17:00:00+07:00');
  });

  it('same-day procedure: after the cut-off it is due at the end of the next working day', async () => {
    // Friday 16:00 → Saturday and Sunday are off → Monday 30/11/2026 17:00.
    expect(await due('1.001193', '2026-11-27T16:00:00+07:00')).toBe('2026-11-30T17:00:00+07:00');
    // The same instant written in UTC is the same receipt.
    expect(await due('1.001193', '2026-11-27T09:00:00Z')).toBe('2026-11-30T17:00:00+07:00');
  });

  it('a Saturday made a working day counts (holidays.json: 10/1/2026 works for 2/1)', async () => {
    // Friday 9/1/2026 16:00, after the cut-off → next working day is Saturday 10/1/2026.
    expect(await due('1.001193', '2026-01-09T16:00:00+07:00')).toBe('2026-01-10T17:00:00+07:00');
  });

  it('working days skip the weekend and lunch break', async () => {
    // 1.004873 xác nhận tình trạng hôn nhân, 3 working days = 1,440 working minutes from Thu 26/11 09:00:
    // Thu 09:00–11:30 (150) + 13:30–17:00 (210) = 360; Fri 480 → 840; Mon 480 → 1,320; Tue 07:00 + 120 → 09:00.
    expect(await due('1.004873', '2026-11-26T09:00:00+07:00')).toBe('2026-12-01T09:00:00+07:00');
  });

  it('calendar days end at the close of the last day (Civil Code Art. 147–148)', async () => {
    // 3.000333 Lý lịch tư pháp, 10 days: received Fri 27/11 → day 10 is Mon 7/12/2026, a working day.
    expect(await due('3.000333', '2026-11-27T08:00:00+07:00')).toBe('2026-12-07T17:00:00+07:00');
  });

  it('skips the Tết 2026 holidays from the calendar data', async () => {
    // holidays.json: Tết Bính Ngọ off Mon 16/2 – Fri 20/2/2026 (with the weekends, 14–22/2).
    // 1.004873 (3 working days) received Fri 13/2/2026 09:00: Fri 360, then Mon 23/2 480 → 840,
    // Tue 24/2 480 → 1,320, Wed 25/2 07:00 + 120 → 09:00.
    expect(await due('1.004873', '2026-02-13T09:00:00+07:00')).toBe('2026-02-25T09:00:00+07:00');
  });

  it('answers bad input with stable codes', async () => {
    expect(await due('9.999999', '2026-11-27T10:00:00+07:00')).toEqual({ error: 'NOT_FOUND' });
    expect(await due('1.001193', '2026-11-27 10:00')).toEqual({ error: 'INVALID_DATE' });
    expect(await due('1.001193', '2026-11-27T10:00:00')).toEqual({ error: 'INVALID_DATE' }); // no offset
    // 1.003677 khai báo tạm vắng is published for the online channel only.
    expect(await due('1.003677', '2026-11-27T10:00:00+07:00', 'POSTAL')).toEqual({ error: 'NO_TIME_LIMIT' });
  });
});

describe('setCalendarDays', () => {
  const SET = `mutation($days: [CalendarDayInput!]!) { setCalendarDays(days: $days) { date working note } }`;

  it('needs an admin key', async () => {
    const anon = await t.gql(SET, { days: [{ date: '2026-11-30', working: false }] });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await t.gql(
      SET,
      { days: [{ date: '2026-11-30', working: false }] },
      await keyFor(t, 'READ'),
    );
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bogus = await t.gql(SET, { days: [] }, { authorization: 'Bearer not-a-key' });
    expect(bogus.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // An admin key limited to one commune may not move every agency's due dates.
    const { key } = await createApiKey(
      t.api.services.prisma,
      { name: 'xã', scopes: ['ADMIN'], agencyCode: '22870' },
      'TEST',
    );
    const commune = await t.gql(
      SET,
      { days: [{ date: '2026-11-30', working: false }] },
      { authorization: `Bearer ${key}` },
    );
    expect(commune.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nothing changed: Monday 30/11 is still a working day for the due date.
    expect(await due('1.001193', '2026-11-27T16:00:00+07:00')).toBe('2026-11-30T17:00:00+07:00');
  });

  it('rejects duplicates and bad dates without changing anything', async () => {
    const admin = await keyFor(t, 'ADMIN');
    const dup = await t.gql(
      SET,
      {
        days: [
          { date: '2026-12-02', working: false },
          { date: '2026-12-02', working: true },
        ],
      },
      admin,
    );
    expect(dup.errors?.[0]?.extensions?.code).toBe('DUPLICATE_DATE');
    const bad = await t.gql(SET, { days: [{ date: '2026-13-01', working: false }] }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_DATE');
    const list = await t.gql<{ calendarDays: unknown[] }>(
      `{ calendarDays(from: "2026-12-01", to: "2026-12-31") { date } }`,
    );
    expect(list.data!.calendarDays).toEqual([]);
  });

  it('moves due dates at once and notifies subscribers', async () => {
    const admin = await keyFor(t, 'ADMIN');
    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: true });
    const received: unknown[] = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      client.on('connected', () => setTimeout(resolve, 100));
      client.subscribe(
        { query: 'subscription { calendarChanged { dates } }' },
        { next: (msg) => received.push(msg.data), error: reject, complete: () => {} },
      );
    });
    await subscribed;
    // An exceptional day off on Monday 30/11/2026 (e.g. a provincial decision): the Friday-16:00
    // birth registration is now due Tuesday 1/12 17:00.
    const res = await t.gql(
      SET,
      { days: [{ date: '2026-11-30', working: false, note: 'Nghỉ bù (thử nghiệm)' }] },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      setCalendarDays: [{ date: '2026-11-30', working: false, note: 'Nghỉ bù (thử nghiệm)' }],
    });
    expect(await due('1.001193', '2026-11-27T16:00:00+07:00')).toBe('2026-12-01T17:00:00+07:00');
    await expect
      .poll(() => received, { timeout: 5000 })
      .toEqual([{ calendarChanged: { dates: ['2026-11-30'] } }]);
    await client.dispose();
  });
});
