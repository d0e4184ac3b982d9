export { schema } from './schema/index.ts';
export { createApp, GRAPHQL_PATH } from './server/app.ts';
export { type Config, loadConfig } from './server/config.ts';
export { type LimitsConfig, loadLimits } from './server/limits-config.ts';
export { RATING_FAST_PATH, SUBMIT_RATING_DOCUMENT } from './server/rating-fast-path.ts';
export { type RunningApi, startApi } from './server/start.ts';
export { createApiKey, parseScopes } from './services/api-keys.ts';
export { RatingService } from './services/ratings/index.ts';
export { signRatingToken } from './services/ratings/token.ts';
