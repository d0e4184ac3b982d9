// What the applicant is told after pressing "Gửi đánh giá", from the API's answer (docs/api.md
// "Ratings": the codes of submitRating and submitSurvey; RATING_CLOSED comes from the dossier's end date).

export type Outcome =
  | 'thanks'
  | 'replaced'
  | 'queued'
  | 'expired'
  | 'invalid-link'
  | 'not-finished'
  | 'comment-too-long'
  | 'rate-limited'
  | 'error';

/** The answer of the rating form's POST (SubmitRating), or what happened instead of one. */
export type SubmitAnswer =
  | { kind: 'network' }
  | { kind: 'http'; status: number; code?: string | undefined }
  | { kind: 'payload'; ok: boolean; code?: string | undefined; replaced?: boolean | undefined };

const BY_CODE: Record<string, Outcome> = {
  TOKEN_EXPIRED: 'expired',
  RATING_CLOSED: 'expired',
  INVALID_TOKEN: 'invalid-link',
  UNKNOWN_DOSSIER: 'invalid-link',
  NOT_FINISHED: 'not-finished',
  COMMENT_TOO_LONG: 'comment-too-long',
  RATE_LIMITED: 'rate-limited',
};

/** Statuses that mean "try again later" rather than "no": the rating waits in the offline queue. */
const RETRYABLE_STATUS = new Set([408, 502, 503, 504]);

/**
 * `ratedBefore`: this browser sent a rating for the dossier earlier (or the API says so), so the new
 * one replaces it in the figures (docs/api.md: "A newer rating of the same dossier replaces the older").
 */
export function outcomeOf(answer: SubmitAnswer, ratedBefore = false): Outcome {
  if (answer.kind === 'network') return 'queued';
  if (answer.kind === 'http') {
    if (RETRYABLE_STATUS.has(answer.status)) return 'queued';
    return (answer.code && BY_CODE[answer.code]) || 'error';
  }
  if (answer.ok) return answer.replaced || ratedBefore ? 'replaced' : 'thanks';
  return (answer.code && BY_CODE[answer.code]) || 'error';
}

/** Outcomes after which a queued rating is settled and leaves the queue (a refusal will not change). */
export function isSettled(outcome: Outcome): boolean {
  return outcome !== 'queued' && outcome !== 'rate-limited';
}
