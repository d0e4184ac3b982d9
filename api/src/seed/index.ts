// The demo seed: real reference data (agencies, procedures, calendar) plus ~20,000 synthetic,
// deterministic dossiers with events, ratings, SIPAS survey responses and petitions, then the rollups.
//
// Deterministic: one seeded PRNG (random.ts, fixed constant) and an anchor day — options.today, else
// today in Asia/Ho_Chi_Minh (SEED_TODAY reaches it through the validated config or the CLI). The
// same anchor gives the same data.
// Fast: everything goes in with set-based INSERTs (unnest arrays) in ONE transaction, rollups included.
//
// Who implements what (ProcedureAgency):
// • COMMUNE-level procedures: every current commune, and the former Ninh Phước communes (valid until
//   30/6/2025) — except household-business and building-permit procedures, which were the district's
//   before 1/7/2025 and so go to the former district 587 instead.
// • PROVINCE-level procedures: the department matching the sector (procedures.ts SECTOR_DEPARTMENTS),
//   Văn phòng UBND tỉnh by default.
// Dossiers go to agencies that exist on the day of reception: before 1/7/2025 the former units
// (communes of district 587 / province 58), from then on the new communes and the departments.
import type pg from 'pg';
import { addMonths, atLocalMinute, type Day, dayOf, isValidDay } from '../domain/index.ts';
import { rebuildRollups } from '../services/rollups.ts';
import { seedAgencies } from './agencies.ts';
import { seedCalendar } from './calendar.ts';
import { seedDemoUsers } from './demo-users.ts';
import { mirrorSatisfaction, seedDossiers } from './dossiers.ts';
import { seedPetitions } from './petitions.ts';
import { seedProcedures } from './procedures.ts';
import { seedQuestionnaires } from './questionnaires.ts';
import { Random } from './random.ts';
import { seedRatings } from './ratings.ts';
import { loadReferenceData } from './reference-data.ts';
import { seedReformTasks } from './reform-tasks.ts';
import { seedSurveys } from './surveys.ts';

export { DEPARTMENT_CODES } from './agencies.ts';
export {
  DEFAULT_DEMO_PASSWORD,
  DEMO_USERS,
  type DemoUser,
  demoPasswordFor,
  seedDemoUsers,
  usableDemoUsers,
} from './demo-users.ts';

export interface SeedLogger {
  info(message: string): void;
}

export interface SeedOptions {
  /** Anchor day: dossiers cover the 18 months up to it. Default: today. */
  today?: Day;
  /** Number of dossiers (default 20,000). */
  dossiers?: number;
  /** SIPAS survey responses (default 1,500). */
  surveyResponses?: number;
  logger?: SeedLogger | ((message: string) => void);
  /** Creates the demo accounts (demo-users.ts) with this password; never given in production. */
  demoPassword?: string | undefined;
}

/** Rows per seeded table (and the rollups), plus the mix of dossier outcomes. */
export interface SeedSummary {
  today: Day;
  from: Day;
  counts: Record<string, number>;
  dossiersByStatus: Record<string, number>;
  dossiersByTimeliness: Record<string, number>;
  ms: number;
}

export interface SeedDatabase {
  pool: pg.Pool;
  /** Not used: everything goes through `pool` in one transaction. Accepted for symmetry with openDatabase(). */
  prisma?: unknown;
}

const DEFAULT_DOSSIERS = 20_000;
const DEFAULT_SURVEY_RESPONSES = 1_500;
const PERIOD_MONTHS = 18;

/** Tables the summary counts, in seeding order. */
const COUNTED_TABLES = [
  'Agency',
  'Sector',
  'Procedure',
  'ProcedureVersion',
  'ProcedureTimeLimit',
  'ProcedureFee',
  'ProcedureAgency',
  'CalendarDay',
  'Dossier',
  'DossierEvent',
  'DueDateChange',
  'RatingLink',
  'Rating',
  'Petition',
  'Questionnaire',
  'SurveyFactor',
  'SurveyCriterion',
  'SurveyScale',
  'SurveyQuestion',
  'SurveyResponse',
  'SurveyAnswer',
  'DossierRollup',
  'DossierIntervalRollup',
  'SurveyRollup',
] as const;

/** The anchor day: explicit (the CLI's --today, the config's SEED_TODAY), else today in Asia/Ho_Chi_Minh. */
export function seedAnchorDay(today?: Day): Day {
  const day = today ?? dayOf(new Date());
  if (!isValidDay(day))
    throw new RangeError(`Ngày mốc của dữ liệu mẫu phải có dạng YYYY-MM-DD: ${JSON.stringify(day)}`);
  return day;
}

/** True when the database has no agency yet (a fresh database to seed). */
export async function isDatabaseEmpty(db: Pick<SeedDatabase, 'pool'>): Promise<boolean> {
  const result = await db.pool.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM "Agency") AS empty',
  );
  return result.rows[0]!.empty;
}

function logWith(logger: SeedOptions['logger']): (message: string) => void {
  if (!logger) return () => {};
  return typeof logger === 'function' ? logger : (message) => logger.info(message);
}

async function countRows(db: pg.Pool): Promise<Record<string, number>> {
  const sql = `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ')}`;
  const result = await db.query<Record<string, number>>(sql);
  return { ...result.rows[0]! };
}

async function countBy(db: pg.Pool, column: 'status' | 'timeliness'): Promise<Record<string, number>> {
  const result = await db.query<{ key: string | null; n: number }>(
    `SELECT ${column}::text AS key, count(*)::int AS n FROM "Dossier" GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(result.rows.map((r) => [r.key ?? 'NONE', r.n]));
}

/**
 * Seeds an empty database (throws if it already has agencies). Returns row counts, the outcome mix
 * and the elapsed time.
 */
export async function seed(db: SeedDatabase, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = logWith(options.logger);
  const today = seedAnchorDay(options.today);
  const from = addMonths(today, -PERIOD_MONTHS);
  // The anchor's end of day: what happened by then is in the data, later steps are cut off.
  const asOf = atLocalMinute(today, 24 * 60 - 1);
  const dossierCount = options.dossiers ?? DEFAULT_DOSSIERS;
  const reference = loadReferenceData();
  const root = new Random();
  const lap = (() => {
    let last = performance.now();
    return (what: string) => {
      const now = performance.now();
      log(`Dữ liệu mẫu: ${what} (${Math.round(now - last)} ms)`);
      last = now;
    };
  })();

  if (!(await isDatabaseEmpty(db)))
    throw new Error(
      'Cơ sở dữ liệu đã có dữ liệu (đã có cơ quan, đơn vị): chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống',
    );
  log(`Dữ liệu mẫu: ngày mốc ${today}, hồ sơ tiếp nhận từ ${from} đến ${today}`);
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const agencies = await seedAgencies(client, reference.agencies);
    const { procedures, sectors, indexOnly } = await seedProcedures(
      client,
      reference.procedures,
      reference.procedureIndex,
      agencies,
    );
    const calendar = await seedCalendar(client, reference.holidays);
    lap(
      `${agencies.length} cơ quan, đơn vị; ${sectors} lĩnh vực; ${procedures.length} thủ tục (${indexOnly} chỉ lấy tên, mã từ danh mục quốc gia); ${reference.holidays.length} ngày nghỉ, ngày làm bù`,
    );
    if (options.demoPassword) {
      const accounts = await seedDemoUsers(client, options.demoPassword);
      lap(`${accounts.length} tài khoản mẫu: ${accounts.join(', ')}`);
    }
    const dossiers = await seedDossiers(
      client,
      root.fork(1),
      calendar,
      agencies,
      procedures,
      { first: from, last: today, asOf },
      dossierCount,
    );
    lap(`${dossiers.length} hồ sơ cùng các sự kiện và lịch sử ngày hẹn trả`);
    const ratings = await seedRatings(client, root.fork(2), dossiers, asOf);
    lap(
      `${ratings.links} đường dẫn đánh giá, ${ratings.ratings} đánh giá hiện hành (+${ratings.replaced} đánh giá đã được thay thế)`,
    );
    const petitions = await seedPetitions(client, root.fork(3), calendar, dossiers, asOf);
    await mirrorSatisfaction(client);
    const instrument = await seedQuestionnaires(client, atLocalMinute(from, 8 * 60));
    const surveys = await seedSurveys(
      client,
      root.fork(4),
      calendar,
      instrument,
      dossiers,
      options.surveyResponses ?? DEFAULT_SURVEY_RESPONSES,
      asOf,
    );
    lap(
      `${petitions} phản ánh, kiến nghị; ${surveys.responses} phiếu khảo sát SIPAS với ${surveys.answers} câu trả lời`,
    );
    const reformTasks = await seedReformTasks(client, agencies, today);
    lap(`${reformTasks} nhiệm vụ cải cách hành chính mẫu`);
    const rollups = await rebuildRollups(client);
    lap(
      `bảng tổng hợp: ${rollups.dossierRollups} dòng hồ sơ, ${rollups.intervalRollups} dòng khoảng thời gian, ${rollups.surveyRollups} dòng khảo sát`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }

  const summary: SeedSummary = {
    today,
    from,
    counts: await countRows(db.pool),
    dossiersByStatus: await countBy(db.pool, 'status'),
    dossiersByTimeliness: await countBy(db.pool, 'timeliness'),
    ms: Math.round(performance.now() - started),
  };
  log(`Đã nạp xong dữ liệu mẫu trong ${summary.ms} ms`);
  return summary;
}
