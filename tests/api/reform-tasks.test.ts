// The reform programme's tasks over real HTTP (issue 11; docs/api.md "Reform programme tasks"): the
// Internal Affairs office (REFORM_MONITOR) of the province enters a task for a commune, the commune's
// officers report progress with evidence (append-only), other communes and viewers cannot write, every
// refusal has a stable code and changes nothing, every write is audited under the responsible unit;
// the reminders and the report rows judge deadlines as docs/domain.md "Reform programme tasks" says.
import type { PrismaClient } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reformTasksForReport } from '../../api/src/services/reform-tasks/report-rows.ts';
import type { TestApi } from '../support/api.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { SEED_TODAY, startSeededApi } from '../support/seeded.ts';

const PROVINCE = '56';
const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';
const PHUOC_HUU = '22891';
const PHUOC_DINH = '22888';

let t: TestApi;
const as = {} as Record<
  'monitor' | 'officer' | 'otherOfficer' | 'viewer' | 'otherAdmin',
  Record<string, string>
>;
const prisma = (): PrismaClient => t.api.services.prisma;

/** Today in Asia/Ho_Chi_Minh (UTC+7), the day the API judges deadlines by. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
/** `day` plus `n` calendar days. */
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const agencyId = async (code: string) =>
  (await prisma().agency.findFirstOrThrow({ where: { code, validTo: null } })).id;

let seededRows: Awaited<ReturnType<typeof reformTasksForReport>>;

beforeAll(async () => {
  t = await startSeededApi(0);
  // The demo tasks, judged on the seed's anchor day, before this file's own tasks replace them.
  seededRows = await reformTasksForReport(
    prisma(),
    null,
    { from: '2026-01-01', to: '2026-12-31' },
    SEED_TODAY,
  );
  await prisma().reformTask.deleteMany();
  await addOfficial(t, 'noivu.tinh', 'REFORM_MONITOR', PROVINCE, 'Sở Nội vụ tỉnh Khánh Hòa');
  await addOfficial(t, 'cb.ninhphuoc', 'OFFICER', NINH_PHUOC);
  await addOfficial(t, 'cb.phuochau', 'OFFICER', PHUOC_HAU);
  await addOfficial(t, 'xem.ninhphuoc', 'VIEWER', NINH_PHUOC);
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', PHUOC_HAU);
  as.monitor = await sessionOf(t, 'noivu.tinh');
  as.officer = await sessionOf(t, 'cb.ninhphuoc');
  as.otherOfficer = await sessionOf(t, 'cb.phuochau');
  as.viewer = await sessionOf(t, 'xem.ninhphuoc');
  as.otherAdmin = await sessionOf(t, 'qt.phuochau');
});
afterAll(async () => {
  await t?.close();
});

interface Task {
  id: string;
  title: string;
  status: string;
  progressPercent: number;
  deadline: string;
  completedOn: string | null;
  standing: string;
  overdue: boolean;
  dueSoon: boolean;
  agency: { code: string };
  ownerAgency: { code: string };
  reports: {
    status: string;
    progressPercent: number;
    note: string | null;
    evidenceUrl: string | null;
    evidenceRef: string | null;
    by: { username: string | null } | null;
  }[];
}
interface Payload {
  task: Task | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const TASK =
  'id title status progressPercent deadline completedOn standing overdue dueSoon agency { code } ownerAgency { code } reports { status progressPercent note evidenceUrl evidenceRef by { username } }';
const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { task { ${TASK} } userErrors { field code message } } }`;
const CREATE = mutation('createReformTask', 'CreateReformTaskInput');
const UPDATE = mutation('updateReformTask', 'UpdateReformTaskInput');
const CANCEL = mutation('cancelReformTask', 'CancelReformTaskInput');
const REPORT = mutation('reportReformTaskProgress', 'ReportReformTaskProgressInput');

async function call(document: string, input: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.gql<Record<string, Payload>>(document, { input }, headers);
  const name = Object.keys(res.data ?? {})[0];
  return { res, payload: name ? res.data![name]! : null };
}

const newTask = (overrides: Record<string, unknown> = {}) => ({
  year: 2026,
  title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  document: 'Kế hoạch 3941/KH-UBND',
  documentDate: '2026-01-15',
  agencyCode: NINH_PHUOC,
  ownerAgencyCode: PROVINCE,
  deadline: plus(today(), 30),
  ...overrides,
});

async function created(overrides: Record<string, unknown> = {}): Promise<Task> {
  const { payload } = await call(CREATE, newTask(overrides), as.monitor);
  expect(payload?.userErrors).toEqual([]);
  return payload!.task!;
}

/** What a refused write must leave as it was: the task, its reports, the audit log. */
async function state(id?: string) {
  return {
    tasks: await prisma().reformTask.findMany({ orderBy: { id: 'asc' } }),
    reports: await prisma().reformTaskReport.count(id ? { where: { taskId: Number(id) } } : undefined),
    audit: await prisma().auditLog.count({ where: { entity: 'ReformTask' } }),
  };
}

describe('the demo tasks', () => {
  it('cover every standing on the seed’s anchor day', () => {
    // Anchor 2026-11-27 (tests/support/seeded.ts); offsets in api/src/seed/reform-tasks.ts:
    // PAR self-assessment: deadline −250 (2026-03-22), done −255 → DONE_ON_TIME; online catalogue:
    // deadline −150, done −135 → DONE_LATE; SIPAS: deadline +5 (2026-12-02) ≤ +7 → DUE_SOON;
    // digitisation: deadline −10 (2026-11-17), open → OVERDUE; posting: +30 → NOT_STARTED; outreach:
    // deadline −30, done −35 → DONE_ON_TIME; the commune's yearly report: +20 → NOT_STARTED.
    const by = (title: string) => seededRows.find((r) => r.title.startsWith(title))!;
    expect(seededRows).toHaveLength(7);
    expect(by('Tự đánh giá').standing).toBe('DONE_ON_TIME');
    expect(by('Rà soát, công bố').standing).toBe('DONE_LATE');
    expect(by('Tổ chức khảo sát').standing).toBe('DUE_SOON');
    expect(by('Tổ chức khảo sát').deadline).toBe('2026-12-02');
    expect(by('Số hóa hồ sơ').standing).toBe('OVERDUE');
    expect(by('Số hóa hồ sơ').deadline).toBe('2026-11-17');
    expect(by('Số hóa hồ sơ').lastReportNote).toBe('Đã số hóa 60% hồ sơ tiếp nhận từ đầu năm.');
    expect(by('Niêm yết').standing).toBe('NOT_STARTED');
    expect(by('Tuyên truyền').standing).toBe('DONE_ON_TIME');
    expect(by('Báo cáo kết quả').standing).toBe('NOT_STARTED');
  });
});

describe('who may enter and report', () => {
  it('the province’s Internal Affairs office enters a task for a commune, audited under the commune', async () => {
    const before = await prisma().auditLog.count({ where: { action: 'reform-task.create' } });
    const task = await created();
    expect(task).toMatchObject({
      status: 'NOT_STARTED',
      progressPercent: 0,
      agency: { code: NINH_PHUOC },
      ownerAgency: { code: PROVINCE },
      standing: 'NOT_STARTED',
      reports: [],
    });
    const entries = await prisma().auditLog.findMany({
      where: { action: 'reform-task.create', entityId: task.id },
    });
    expect(await prisma().auditLog.count({ where: { action: 'reform-task.create' } })).toBe(before + 1);
    const monitor = await prisma().user.findUniqueOrThrow({ where: { username: 'noivu.tinh' } });
    expect(entries[0]).toMatchObject({ actor: `USER:${monitor.id}`, agencyId: await agencyId(NINH_PHUOC) });
  });

  it.each([
    ['an officer', 'officer', 'FORBIDDEN'],
    ['a viewer', 'viewer', 'FORBIDDEN'],
  ] as const)('%s cannot enter a task (top-level %s), and nothing changes', async (_who, caller, code) => {
    const before = await state();
    const { res } = await call(CREATE, newTask(), as[caller]);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it('anonymous callers are asked to sign in', async () => {
    const { res } = await call(CREATE, newTask(), {});
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('another commune’s administrator cannot enter a task for this commune (OUT_OF_SCOPE at agencyCode)', async () => {
    const before = await state();
    const { payload } = await call(CREATE, newTask({ ownerAgencyCode: PHUOC_HAU }), as.otherAdmin);
    expect(payload?.task).toBeNull();
    expect(payload?.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'agencyCode'], 'OUT_OF_SCOPE'],
    ]);
    expect(await state()).toEqual(before);
  });

  it('the commune’s officer reports progress with evidence; another commune’s officer and a viewer cannot', async () => {
    const task = await created({ title: 'Niêm yết công khai thủ tục hành chính' });
    const before = await state(task.id);
    const other = await call(
      REPORT,
      { taskId: task.id, progressPercent: 90, note: 'Không phải của xã tôi' },
      as.otherOfficer,
    );
    expect(other.payload?.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'taskId'], 'OUT_OF_SCOPE'],
    ]);
    const viewer = await call(REPORT, { taskId: task.id, progressPercent: 90 }, as.viewer);
    expect(viewer.res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await state(task.id)).toEqual(before);

    const { payload } = await call(
      REPORT,
      {
        taskId: task.id,
        progressPercent: 40,
        note: 'Đã cập nhật bảng niêm yết 40 thủ tục.',
        evidenceUrl: 'https://ninhphuoc.khanhhoa.gov.vn/niem-yet',
        evidenceRef: 'Báo cáo 12/BC-UBND',
      },
      as.officer,
    );
    expect(payload?.userErrors).toEqual([]);
    // Progress above 0 without a status moves a task not started to IN_PROGRESS.
    expect(payload?.task).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 40 });
    expect(payload?.task?.reports).toEqual([
      {
        status: 'IN_PROGRESS',
        progressPercent: 40,
        note: 'Đã cập nhật bảng niêm yết 40 thủ tục.',
        evidenceUrl: 'https://ninhphuoc.khanhhoa.gov.vn/niem-yet',
        evidenceRef: 'Báo cáo 12/BC-UBND',
        by: { username: 'cb.ninhphuoc' },
      },
    ]);
    const officer = await prisma().user.findUniqueOrThrow({ where: { username: 'cb.ninhphuoc' } });
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'reform-task.report', entityId: task.id },
    });
    expect(entry).toMatchObject({ actor: `USER:${officer.id}`, agencyId: await agencyId(NINH_PHUOC) });
    expect(entry.data).toMatchObject({
      before: { status: 'NOT_STARTED', progressPercent: 0 },
      after: { status: 'IN_PROGRESS', progressPercent: 40 },
    });
  });

  it('a viewer reads the commune’s tasks; an officer of another commune does not see them', async () => {
    const task = await created({ title: 'Nhiệm vụ để đọc' });
    const LIST = `query($filter: ReformTaskFilter) { reformTasks(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;
    const ids = async (headers: Record<string, string>) =>
      (
        await t.gql<{ reformTasks: { edges: { node: { id: string } }[] } }>(LIST, { filter: {} }, headers)
      ).data?.reformTasks.edges.map((e) => e.node.id);
    expect(await ids(as.viewer)).toContain(task.id);
    expect(await ids(as.otherOfficer)).not.toContain(task.id);
    const one = await t.gql<{ reformTask: { id: string } | null }>(
      'query($id: ID!) { reformTask(id: $id) { id } }',
      { id: task.id },
      as.otherOfficer,
    );
    expect(one.data?.reformTask).toBeNull();
    // An id the API could not have issued is no task either (not a cursor error, not a 500).
    for (const id of ['9999999999', 'abc', '0']) {
      const none = await t.gql<{ reformTask: unknown }>(
        'query($id: ID!) { reformTask(id: $id) { id } }',
        { id },
        as.viewer,
      );
      expect([none.errors, none.data?.reformTask]).toEqual([undefined, null]);
    }
  });

  it('the office edits and cancels a task; an officer cannot; a cancelled task takes no report', async () => {
    const task = await created({ title: 'Nhiệm vụ sẽ hủy' });
    const refused = await call(UPDATE, { id: task.id, title: 'Đổi tên' }, as.officer);
    expect(refused.res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const newDeadline = plus(today(), 45);
    const edited = await call(UPDATE, { id: task.id, deadline: newDeadline }, as.monitor);
    expect(edited.payload?.userErrors).toEqual([]);
    expect(edited.payload?.task?.deadline).toBe(newDeadline);
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'reform-task.update', entityId: task.id },
    });
    expect(entry.data).toEqual({ before: { deadline: task.deadline }, after: { deadline: newDeadline } });

    const same = await call(UPDATE, { id: task.id, deadline: newDeadline }, as.monitor);
    expect(same.payload?.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);

    const cancelled = await call(CANCEL, { id: task.id, reason: 'Gộp vào nhiệm vụ khác' }, as.monitor);
    expect(cancelled.payload?.task).toMatchObject({ status: 'CANCELLED', standing: 'CANCELLED' });
    expect(cancelled.payload?.task?.reports.map((r) => [r.status, r.note])).toEqual([
      ['CANCELLED', 'Gộp vào nhiệm vụ khác'],
    ]);
    const before = await state(task.id);
    const report = await call(REPORT, { taskId: task.id, progressPercent: 10 }, as.officer);
    expect(report.payload?.userErrors.map((e) => e.code)).toEqual(['REFORM_TASK_CLOSED']);
    const edit = await call(UPDATE, { id: task.id, title: 'Sửa sau khi hủy' }, as.monitor);
    expect(edit.payload?.userErrors.map((e) => e.code)).toEqual(['REFORM_TASK_CLOSED']);
    expect(await state(task.id)).toEqual(before);
  });

  it('REFORM_MONITOR enters verified 9-indicator points, not self-scored ones', async () => {
    const SET = `mutation($input: SetEvaluationScoresInput!) { setEvaluationScores(input: $input) { userErrors { code } } }`;
    const input = (score: Record<string, number>) => ({
      input: { agencyCode: NINH_PHUOC, year: 2026, quarter: 3, scores: [{ indicator: 6, ...score }] },
    });
    const verified = await t.gql(SET, input({ verifiedScore: 2 }), as.monitor);
    expect(verified.errors).toBeUndefined();
    const self = await t.gql(SET, input({ selfScore: 1 }), as.monitor);
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const row = await prisma().oneStopEvaluationScore.findFirstOrThrow({
      where: { agencyId: await agencyId(NINH_PHUOC), year: 2026, quarter: 3, indicator: 6 },
    });
    expect([row.selfScore, row.verifiedScore]).toEqual([null, 2]);
    // The commune's officer still may not enter verified points.
    const officer = await t.gql(SET, input({ verifiedScore: 0 }), as.officer);
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('validation: a stable code at each field, nothing written', () => {
  it('refuses a task without a title, with a year out of range and an overlong document, all at once', async () => {
    const before = await state();
    const { payload } = await call(
      CREATE,
      newTask({ title: '   ', year: 1999, document: 'x'.repeat(201) }),
      as.monitor,
    );
    expect(payload?.userErrors.map((e) => [e.field?.join('.'), e.code])).toEqual([
      ['input.year', 'INVALID_YEAR'],
      ['input.title', 'EMPTY_TEXT'],
      ['input.document', 'TEXT_TOO_LONG'],
    ]);
    expect(payload?.userErrors.every((e) => e.message.length > 0)).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('refuses a deadline that is not a real day', async () => {
    const before = await state();
    const { res } = await call(CREATE, newTask({ deadline: '2026-02-30' }), as.monitor);
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_DATE');
    expect(await state()).toEqual(before);
  });

  it.each([
    [{ progressPercent: 101 }, 'input.progressPercent', 'INVALID_PROGRESS'],
    [{ progressPercent: -1 }, 'input.progressPercent', 'INVALID_PROGRESS'],
    [{ note: 'x', evidenceUrl: 'javascript:alert(1)' }, 'input.evidenceUrl', 'INVALID_URL'],
    [{ note: 'x', evidenceUrl: 'ftp://tai-lieu.khanhhoa.gov.vn/a.pdf' }, 'input.evidenceUrl', 'INVALID_URL'],
    [{ note: 'x', evidenceUrl: 'khanhhoa.gov.vn/a.pdf' }, 'input.evidenceUrl', 'INVALID_URL'],
    [{ status: 'DONE', progressPercent: 50 }, 'input.progressPercent', 'INVALID_PROGRESS'],
    [{ status: 'IN_PROGRESS', progressPercent: 100 }, 'input.progressPercent', 'INVALID_PROGRESS'],
    [{ status: 'CANCELLED' }, 'input.status', 'STATUS_NOT_REPORTABLE'],
    [{ note: 'x'.repeat(2001) }, 'input.note', 'TEXT_TOO_LONG'],
    [{}, undefined, 'EMPTY_REPORT'],
    [{ status: 'DONE', completedOn: plus(today(), 1) }, 'input.completedOn', 'INVALID_DATE'],
  ])('refuses the report %j with %s %s', async (report, field, code) => {
    const task = await created({ title: `Nhiệm vụ kiểm tra ${code}` });
    const before = await state(task.id);
    const { payload } = await call(REPORT, { taskId: task.id, ...report }, as.officer);
    expect(payload?.userErrors.map((e) => [e.field?.join('.'), e.code])).toEqual([[field, code]]);
    expect(await state(task.id)).toEqual(before);
  });

  it('an unknown task is NOT_FOUND', async () => {
    const { payload } = await call(REPORT, { taskId: '2147483000', note: 'x' }, as.officer);
    expect(payload?.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('DONE means 100 % and records the day; then no more reports', async () => {
    const task = await created({ title: 'Nhiệm vụ hoàn thành' });
    const { payload } = await call(
      REPORT,
      { taskId: task.id, status: 'DONE', note: 'Đã hoàn thành', evidenceRef: 'Báo cáo 20/BC-UBND' },
      as.officer,
    );
    expect(payload?.userErrors).toEqual([]);
    // Deadline today + 30, done today: on time.
    expect(payload?.task).toMatchObject({
      status: 'DONE',
      progressPercent: 100,
      completedOn: today(),
      standing: 'DONE_ON_TIME',
    });
    const again = await call(REPORT, { taskId: task.id, note: 'Thêm' }, as.officer);
    expect(again.payload?.userErrors.map((e) => e.code)).toEqual(['REFORM_TASK_CLOSED']);
  });
});

describe('reminders', () => {
  it('overdue = deadline before today and open; due soon = from today to today + 7, both ends included', async () => {
    const d = today();
    const mk = (title: string, deadline: string) => created({ title, agencyCode: PHUOC_HUU, deadline });
    const yesterday = await mk('Quá hạn một ngày', plus(d, -1));
    const dueToday = await mk('Hạn hôm nay', d);
    const inSeven = await mk('Hạn sau 7 ngày', plus(d, 7));
    const inEight = await mk('Hạn sau 8 ngày', plus(d, 8));
    const doneLate = await mk('Đã xong nhưng quá hạn', plus(d, -5));
    expect(
      (await call(REPORT, { taskId: doneLate.id, status: 'DONE' }, as.monitor)).payload?.userErrors,
    ).toEqual([]);

    const REMIND = `query($code: String, $days: Int) { reformTaskReminders(agencyCode: $code, dueWithinDays: $days) { today dueWithinDays overdue { id standing overdue } dueSoon { id standing dueSoon } } }`;
    const remind = async (days?: number) =>
      (
        await t.gql<{
          reformTaskReminders: {
            today: string;
            dueWithinDays: number;
            overdue: { id: string; standing: string; overdue: boolean }[];
            dueSoon: { id: string; standing: string; dueSoon: boolean }[];
          };
        }>(REMIND, { code: PHUOC_HUU, ...(days === undefined ? {} : { days }) }, as.monitor)
      ).data!.reformTaskReminders;

    const week = await remind();
    expect(week.today).toBe(d);
    expect(week.dueWithinDays).toBe(7);
    // today − 1 < today: overdue; done five days late: done, not a reminder.
    expect(week.overdue).toEqual([{ id: yesterday.id, standing: 'OVERDUE', overdue: true }]);
    // today and today + 7 are within 7 days; today + 8 is not.
    expect(week.dueSoon).toEqual([
      { id: dueToday.id, standing: 'DUE_SOON', dueSoon: true },
      { id: inSeven.id, standing: 'DUE_SOON', dueSoon: true },
    ]);
    expect((await remind(8)).dueSoon.map((r) => r.id)).toEqual([dueToday.id, inSeven.id, inEight.id]);
    expect((await remind(0)).dueSoon.map((r) => r.id)).toEqual([dueToday.id]);

    const LIST = `query($filter: ReformTaskFilter) { reformTasks(filter: $filter) { totalCount } }`;
    const count = async (filter: Record<string, unknown>) =>
      (
        await t.gql<{ reformTasks: { totalCount: number } }>(
          LIST,
          { filter: { agencyCode: PHUOC_HUU, ...filter } },
          as.monitor,
        )
      ).data?.reformTasks.totalCount;
    expect(await count({ overdue: true })).toBe(1);
    expect(await count({ dueSoon: true })).toBe(2);
    expect(await count({ status: 'DONE' })).toBe(1);
    expect(await count({})).toBe(5);

    const bad = await t.gql(REMIND, { code: PHUOC_HUU, days: 367 }, as.monitor);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('report rows (reformTasksForReport)', () => {
  it('lists tasks due in the period or open at its end, with their standing on the day given', async () => {
    const unit = await agencyId(PHUOC_DINH);
    const owner = await agencyId(PROVINCE);
    const add = (title: string, deadline: string, extra: Record<string, unknown> = {}) =>
      prisma().reformTask.create({
        data: {
          year: 2030,
          title,
          agencyId: unit,
          ownerAgencyId: owner,
          deadline: new Date(`${deadline}T00:00:00Z`),
          createdBy: 'TEST',
          ...extra,
        },
      });
    const done = (day: string) => ({
      status: 'DONE' as const,
      progressPercent: 100,
      completedOn: new Date(`${day}T00:00:00Z`),
    });
    // Period Q1 2030 (2030-01-01 … 2030-03-31), judged on 2030-04-03.
    await add('A đúng hạn', '2030-02-15', done('2030-02-15')); // done on its deadline → DONE_ON_TIME
    await add('B trễ hạn', '2030-03-01', done('2030-03-02')); // one day after → DONE_LATE
    await add('C quá hạn', '2030-03-31'); // open, 2030-03-31 < 2030-04-03 → OVERDUE
    await add('D sắp đến hạn', '2030-04-10', { status: 'IN_PROGRESS', progressPercent: 30 }); // open at the end; 04-10 ≤ 04-03 + 7 → DUE_SOON
    await add('E chưa triển khai', '2030-06-30'); // open at the end, far off → NOT_STARTED
    await add('F xong sau kỳ', '2030-05-31', done('2030-04-02')); // due later, done after 03-31: open at the end → DONE_ON_TIME
    await add('G xong trong kỳ, hạn sau', '2030-05-31', done('2030-03-20')); // done before the end, due later → not listed
    await add('H hủy, hạn sau', '2030-05-31', { status: 'CANCELLED' }); // cancelled, due later → not listed
    await add('I hủy trong kỳ', '2030-01-31', { status: 'CANCELLED' }); // due in the period → listed, CANCELLED
    await add('J năm sau', '2031-06-30', { year: 2031 }); // next year's programme → not listed
    await add('K trước kỳ', '2029-12-31'); // due before the period, still open at its end → listed, OVERDUE
    await add('L xong trước kỳ', '2029-12-31', done('2029-12-30')); // due and done before the period → not listed
    const rows = await reformTasksForReport(
      prisma(),
      [unit],
      { from: '2030-01-01', to: '2030-03-31' },
      '2030-04-03',
    );
    // By deadline: K 2029-12-31, I 01-31, A 02-15, B 03-01, C 03-31, D 04-10, F 05-31, E 06-30.
    expect(rows.map((r) => [r.title.slice(0, 1), r.standing])).toEqual([
      ['K', 'OVERDUE'],
      ['I', 'CANCELLED'],
      ['A', 'DONE_ON_TIME'],
      ['B', 'DONE_LATE'],
      ['C', 'OVERDUE'],
      ['D', 'DUE_SOON'],
      ['F', 'DONE_ON_TIME'],
      ['E', 'NOT_STARTED'],
    ]);
    expect(rows[1]).toMatchObject({
      agencyCode: PHUOC_DINH,
      ownerAgencyCode: PROVINCE,
      deadline: '2030-01-31',
    });
  });
});
