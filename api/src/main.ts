// `npm start -w @tthc/api`: the API alone. The root `npm start` also serves the admin UI and widget demo.
import { loadConfig } from './server/config.ts';
import { startApi } from './server/start.ts';
import { createLogger } from './services/logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const api = await startApi(config, logger);
  logger.info({ url: api.url }, `API GraphQL: ${api.url}`);
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1); // a second Ctrl-C means "now"
    logger.info({ signal }, 'Đang dừng: hoàn tất các yêu cầu đang xử lý…');
    api.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'Dừng không sạch');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  logger.fatal({ err }, 'Không khởi động được API');
  process.exit(1);
}
