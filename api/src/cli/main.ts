// Command-line tool: `npm run cli -- --help`. Output meant for scripts goes to stdout (a new API key
// alone on its line); progress and errors go to stderr.
import { applyMigrations, type Database, migrationStatus, openDatabase, type Role } from '@tthc/db';
import { Command, InvalidArgumentError } from 'commander';
import { isValidDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { demoPasswordFor, isDatabaseEmpty, seed } from '../seed/index.ts';
import { dayVar } from '../server/env-vars.ts';
import { createApiKey, parseScopes, revokeApiKey } from '../services/api-keys.ts';
import { CalendarService } from '../services/calendar.ts';
import { refoldStaleDossiers } from '../services/ingestion/refold.ts';
import { createLogger } from '../services/logger.ts';
import { resetDatabase } from '../services/reset-database.ts';
import { rebuildRollups } from '../services/rollups.ts';
import { createUser, deactivateUser, ROLES, setUserPassword } from '../services/users.ts';

const err = (line: string) => process.stderr.write(`${line}\n`);

async function withDatabase<T>(fn: (db: Database) => Promise<T>, migrate = true): Promise<T> {
  const db = await openDatabase({ migrate });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('cần một số nguyên không âm');
  return n;
};
const day = (value: string) => {
  if (!isValidDay(value)) throw new InvalidArgumentError('cần một ngày dạng YYYY-MM-DD');
  return value;
};

const program = new Command('tthc')
  .description(
    'Công cụ quản trị hệ thống theo dõi giải quyết TTHC và mức độ hài lòng.\nDATABASE_URL chọn cơ sở dữ liệu; bỏ trống để dùng PostgreSQL nhúng trong .data/.',
  )
  .showHelpAfterError();

const apiKey = program.command('api-key').description('Quản lý khóa API cho hệ thống bên ngoài');
apiKey
  .command('create')
  .description('Tạo khóa API mới; khóa được in một lần duy nhất, trên một dòng riêng')
  .requiredOption('--name <name>', 'tên gợi nhớ, ví dụ "Hệ thống một cửa tỉnh Khánh Hòa"')
  .requiredOption('--scopes <list>', 'phạm vi, phân tách bằng dấu phẩy: read, ingest, admin')
  .option('--agency <code>', 'giới hạn khóa trong một cơ quan, đơn vị và cấp dưới')
  .option('--rate-limit <perMinute>', 'số yêu cầu tối đa mỗi phút', positiveInt)
  .action(async (opts: { name: string; scopes: string; agency?: string; rateLimit?: number }) => {
    const scopes = parseScopes(opts.scopes);
    const created = await withDatabase((db) =>
      createApiKey(
        db.prisma,
        {
          name: opts.name,
          scopes,
          ...(opts.agency ? { agencyCode: opts.agency } : {}),
          ...(opts.rateLimit ? { rateLimitPerMinute: opts.rateLimit } : {}),
        },
        'CLI',
      ),
    );
    err(
      `Đã tạo khóa API #${created.id} "${created.name}" (${scopes.join(', ').toLowerCase()}). Lưu lại ngay:`,
    );
    process.stdout.write(`${created.key}\n`);
  });
apiKey
  .command('list')
  .description('Liệt kê các khóa API (không hiển thị khóa)')
  .action(async () => {
    const keys = await withDatabase((db) => db.prisma.apiKey.findMany({ orderBy: { id: 'asc' } }));
    for (const k of keys) {
      const state = k.revokedAt ? `thu hồi ${k.revokedAt.toISOString()}` : 'đang hoạt động';
      process.stdout.write(`${k.id}\t${k.name}\t${k.scopes.join(',').toLowerCase()}\t${state}\n`);
    }
  });
apiKey
  .command('revoke <id>')
  .description('Thu hồi một khóa API; có hiệu lực ngay')
  .action(async (id: string) => {
    await withDatabase((db) => revokeApiKey(db.prisma, positiveInt(id), 'CLI'));
    err(`Đã thu hồi khóa API #${id}.`);
  });

const user = program.command('user').description('Quản lý tài khoản cán bộ');

user
  .command('set-password <username>')
  .description('Đặt lại mật khẩu; mọi phiên đăng nhập của tài khoản kết thúc')
  .option('--password <password>', 'mật khẩu mới (≥ 12 ký tự); mặc định đọc biến môi trường TTHC_PASSWORD')
  .action(async (username: string, opts: { password?: string }) => {
    const password = opts.password ?? process.env.TTHC_PASSWORD;
    if (!password) throw new AppError('BAD_USER_INPUT', 'Cần mật khẩu: --password hoặc biến TTHC_PASSWORD.');
    const { sessionsEnded } = await withDatabase((db) =>
      setUserPassword(db.prisma, username, password, 'CLI'),
    );
    err(`Đã đặt lại mật khẩu của "${username}"; đã kết thúc ${sessionsEnded} phiên đăng nhập.`);
  });

user
  .command('deactivate <username>')
  .description('Khóa tài khoản: không đăng nhập được nữa, các phiên đang mở kết thúc ngay')
  .action(async (username: string) => {
    const { sessionsEnded } = await withDatabase((db) => deactivateUser(db.prisma, username, 'CLI'));
    err(`Đã khóa tài khoản "${username}"; đã kết thúc ${sessionsEnded} phiên đăng nhập.`);
  });

user
  .command('create')
  .description('Tạo tài khoản cán bộ đăng nhập trang quản trị')
  .requiredOption('--username <username>', 'tên đăng nhập')
  .requiredOption('--name <displayName>', 'họ và tên')
  .requiredOption('--role <role>', `vai trò: ${ROLES.join(', ')}`)
  .option('--agency <code>', 'mã cơ quan, đơn vị mà vai trò áp dụng (cả cấp dưới)')
  .option('--email <email>', 'thư điện tử')
  .option('--password <password>', 'mật khẩu (≥ 12 ký tự); mặc định đọc biến môi trường TTHC_PASSWORD')
  .action(
    async (opts: {
      username: string;
      name: string;
      role: string;
      agency?: string;
      email?: string;
      password?: string;
    }) => {
      const password = opts.password ?? process.env.TTHC_PASSWORD;
      if (!password)
        throw new AppError('BAD_USER_INPUT', 'Cần mật khẩu: --password hoặc biến TTHC_PASSWORD.');
      const user = await withDatabase((db) =>
        createUser(
          db.prisma,
          {
            username: opts.username,
            displayName: opts.name,
            password,
            email: opts.email,
            role: opts.role.toUpperCase() as Role,
            agencyCode: opts.agency,
          },
          'CLI',
        ),
      );
      err(`Đã tạo tài khoản #${user.id} "${user.username}" (${opts.role.toUpperCase()}).`);
    },
  );

program
  .command('seed')
  .description('Nạp dữ liệu mẫu (thủ tục, cơ quan, lịch, ~20.000 hồ sơ, đánh giá, khảo sát)')
  .option('--reset', 'xóa toàn bộ dữ liệu hiện có trước khi nạp (không dùng trên hệ thống thật!)')
  .option('--dossiers <n>', 'số hồ sơ mẫu', positiveInt)
  .option('--today <day>', 'ngày mốc của dữ liệu mẫu (mặc định hôm nay)', day)
  .action(async (opts: { reset?: boolean; dossiers?: number; today?: string }) => {
    // --today, else SEED_TODAY (validated as the API's config does), else today.
    const today = opts.today ?? dayVar(process.env, 'SEED_TODAY');
    await withDatabase(async (db) => {
      if (!(await isDatabaseEmpty(db))) {
        if (!opts.reset) {
          throw new AppError(
            'BAD_USER_INPUT',
            'Cơ sở dữ liệu đã có dữ liệu. Dùng --reset để xóa và nạp lại.',
          );
        }
        err('Đang xóa dữ liệu hiện có…');
        await resetDatabase(db);
      }
      const summary = await seed(db, {
        ...(opts.dossiers !== undefined ? { dossiers: opts.dossiers } : {}),
        ...(today ? { today } : {}),
        demoPassword: demoPasswordFor(process.env), // the demo accounts, never in production
        logger: { info: (...a: unknown[]) => err(String(a.at(-1))) },
      });
      err(`Đã nạp dữ liệu mẫu: ${JSON.stringify(summary)}`);
    });
  });

program
  .command('rollups')
  .description('Bảng tổng hợp thống kê')
  .command('rebuild')
  .description('Tính lại toàn bộ bảng tổng hợp từ dữ liệu gốc (hồ sơ, đánh giá, khảo sát)')
  .action(async () => {
    await withDatabase(async (db) => {
      const result = await rebuildRollups(db.pool);
      err(`Đã tính lại bảng tổng hợp: ${JSON.stringify(result)}`);
      // As the API does at start: dossiers stored before the last change of what the fold keeps are
      // folded again, so that the rollups they feed follow the rules in force (docs/domain.md §3.9).
      const refolded = await refoldStaleDossiers({
        db,
        calendars: new CalendarService(db.prisma),
        logger: createLogger('warn'),
      });
      if (refolded > 0) err(`Đã tính lại trạng thái của ${refolded} hồ sơ theo quy tắc mới.`);
    });
  });

const migrate = program.command('migrate').description('Cập nhật cấu trúc cơ sở dữ liệu');
migrate
  .command('deploy', { isDefault: true })
  .description('Áp dụng các migration chưa chạy (API cũng tự làm khi khởi động)')
  .action(async () => {
    await withDatabase(async (db) => {
      const applied = await applyMigrations(db.url);
      err(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Không có migration mới.');
    }, false);
  });
migrate
  .command('status')
  .description('Liệt kê migration đã và chưa áp dụng')
  .action(async () => {
    const status = await withDatabase((db) => migrationStatus(db.url), false);
    for (const m of status.applied) process.stdout.write(`applied\t${m}\n`);
    for (const m of status.pending) process.stdout.write(`pending\t${m}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof AppError) {
    err(`Lỗi [${e.code}]: ${e.message}`);
  } else {
    err(`Lỗi: ${(e as Error).message}`);
  }
  process.exitCode = 1;
}
