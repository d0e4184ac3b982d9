// Demo tasks of the year's administrative-reform programme (docs/domain.md "Reform programme tasks"):
// the province's plan, monitored by Sở Nội vụ, and a commune's own plan, so that the task list, the
// reminders on the dashboard and the report have something in each standing. Dates are set from the
// seed's anchor day ("today"), so that one task is overdue and one due within 7 days whatever day the
// demo is seeded; deterministic otherwise. The document numbers are demo values, not real documents.
import { addDays, atLocalMinute, type Day } from '../domain/time.ts';
import type { SeededAgency } from './agencies.ts';
import type { Queryable } from './bulk-insert.ts';

type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';

interface DemoReport {
  /** Days from the anchor day. */
  day: number;
  status: Status;
  progress: number;
  note: string;
  evidenceUrl?: string;
  evidenceRef?: string;
}

interface DemoTask {
  title: string;
  description: string;
  document: string;
  /** Days from the anchor day. */
  documentDay: number;
  agencyCode: string;
  ownerAgencyCode: string;
  deadlineDay: number;
  reports: DemoReport[];
}

const PROVINCE_PLAN = 'Kế hoạch 3941/KH-UBND';
const COMMUNE_PLAN = 'Kế hoạch 126/KH-UBND';

const TASKS: readonly DemoTask[] = [
  {
    title: 'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính (PAR INDEX) của tỉnh năm trước',
    description: 'Tổng hợp tài liệu kiểm chứng, tự chấm điểm theo Quyết định 876/QĐ-BNV và gửi Bộ Nội vụ.',
    document: PROVINCE_PLAN,
    documentDay: -320,
    agencyCode: '56.SNV',
    ownerAgencyCode: '56',
    deadlineDay: -250,
    reports: [
      {
        day: -280,
        status: 'IN_PROGRESS',
        progress: 50,
        note: 'Đã gửi văn bản đề nghị các sở, ngành, địa phương cung cấp tài liệu kiểm chứng.',
      },
      {
        day: -255,
        status: 'DONE',
        progress: 100,
        note: 'Đã hoàn thành tự chấm điểm và gửi Bộ Nội vụ đúng thời hạn.',
        evidenceRef: 'Báo cáo 215/BC-SNV',
      },
    ],
  },
  {
    title: 'Rà soát, công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình',
    description:
      'Rà soát các thủ tục đủ điều kiện cung cấp trực tuyến toàn trình, trình Chủ tịch UBND tỉnh công bố.',
    document: PROVINCE_PLAN,
    documentDay: -320,
    agencyCode: '56.VPUBND',
    ownerAgencyCode: '56',
    deadlineDay: -150,
    reports: [
      {
        day: -160,
        status: 'IN_PROGRESS',
        progress: 80,
        note: 'Đã tổng hợp đề xuất của các sở, ngành; đang trình phê duyệt.',
      },
      {
        day: -135,
        status: 'DONE',
        progress: 100,
        note: 'Chủ tịch UBND tỉnh đã ký quyết định công bố danh mục.',
        evidenceUrl: 'https://dichvucong.khanhhoa.gov.vn/',
        evidenceRef: 'Quyết định 3641/QĐ-UBND',
      },
    ],
  },
  {
    title: 'Tổ chức khảo sát, đo lường sự hài lòng của người dân, tổ chức (SIPAS) năm nay',
    description: 'Phát phiếu khảo sát tại Trung tâm Phục vụ hành chính công và Bộ phận Một cửa cấp xã.',
    document: PROVINCE_PLAN,
    documentDay: -320,
    agencyCode: '56.SNV',
    ownerAgencyCode: '56',
    deadlineDay: 5,
    reports: [
      {
        day: -40,
        status: 'IN_PROGRESS',
        progress: 40,
        note: 'Đã in và phát phiếu khảo sát tại 8 xã, phường.',
      },
      { day: -6, status: 'IN_PROGRESS', progress: 70, note: 'Đã thu 1.250 phiếu; đang nhập liệu.' },
    ],
  },
  {
    title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa',
    description:
      'Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực theo Nghị định 107/2021/NĐ-CP.',
    document: PROVINCE_PLAN,
    documentDay: -320,
    agencyCode: '22873',
    ownerAgencyCode: '56',
    deadlineDay: -10,
    reports: [
      { day: -45, status: 'IN_PROGRESS', progress: 60, note: 'Đã số hóa 60% hồ sơ tiếp nhận từ đầu năm.' },
    ],
  },
  {
    title: 'Niêm yết công khai thủ tục hành chính và địa chỉ tiếp nhận phản ánh, kiến nghị',
    description: 'Cập nhật bảng niêm yết tại Bộ phận Một cửa theo danh mục thủ tục mới công bố.',
    document: PROVINCE_PLAN,
    documentDay: -320,
    agencyCode: '22870',
    ownerAgencyCode: '56',
    deadlineDay: 30,
    reports: [],
  },
  {
    title: 'Tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến',
    description: 'Tổ chức tổ công nghệ số cộng đồng hướng dẫn tại các thôn.',
    document: COMMUNE_PLAN,
    documentDay: -300,
    agencyCode: '22873',
    ownerAgencyCode: '22873',
    deadlineDay: -30,
    reports: [
      {
        day: -35,
        status: 'DONE',
        progress: 100,
        note: 'Đã tổ chức 12 buổi hướng dẫn tại các thôn.',
        evidenceRef: 'Báo cáo 88/BC-UBND',
      },
    ],
  },
  {
    title: 'Báo cáo kết quả cải cách hành chính năm của xã',
    description: 'Tổng hợp kết quả thực hiện kế hoạch cải cách hành chính năm, gửi Sở Nội vụ.',
    document: COMMUNE_PLAN,
    documentDay: -300,
    agencyCode: '22873',
    ownerAgencyCode: '22873',
    deadlineDay: 20,
    reports: [],
  },
];

const SEED_ACTOR = 'SYSTEM';

/** Inserts the demo tasks and their reports; returns how many tasks. Units missing from the data are skipped. */
export async function seedReformTasks(
  db: Queryable,
  agencies: readonly SeededAgency[],
  today: Day,
): Promise<number> {
  const current = new Map(agencies.filter((a) => a.validTo === null).map((a) => [a.code, a.id]));
  const year = Number(today.slice(0, 4));
  const at = (offset: number) => atLocalMinute(addDays(today, offset), 9 * 60);
  let count = 0;
  for (const task of TASKS) {
    const agencyId = current.get(task.agencyCode);
    const ownerAgencyId = current.get(task.ownerAgencyCode);
    if (agencyId === undefined || ownerAgencyId === undefined) continue;
    const last = task.reports.at(-1);
    const status: Status = last?.status ?? 'NOT_STARTED';
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO "ReformTask" (year, title, description, document, "documentDate", "agencyId", "ownerAgencyId",
         deadline, status, "progressPercent", "completedOn", "createdBy", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::date, $9::"ReformTaskStatus", $10, $11::date, $12, $13, $14)
       RETURNING id`,
      [
        year,
        task.title,
        task.description,
        task.document,
        addDays(today, task.documentDay),
        agencyId,
        ownerAgencyId,
        addDays(today, task.deadlineDay),
        status,
        last?.progress ?? 0,
        status === 'DONE' && last ? addDays(today, last.day) : null,
        SEED_ACTOR,
        at(task.documentDay + 1),
        last ? at(last.day) : at(task.documentDay + 1),
      ],
    );
    for (const report of task.reports) {
      await db.query(
        `INSERT INTO "ReformTaskReport" ("taskId", at, actor, status, "progressPercent", note, "evidenceUrl", "evidenceRef")
         VALUES ($1, $2, $3, $4::"ReformTaskStatus", $5, $6, $7, $8)`,
        [
          rows[0]!.id,
          at(report.day),
          SEED_ACTOR,
          report.status,
          report.progress,
          report.note,
          report.evidenceUrl ?? null,
          report.evidenceRef ?? null,
        ],
      );
    }
    count++;
  }
  return count;
}
