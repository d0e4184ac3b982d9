// Quick ratings (docs/domain.md §4.1) and the rating links behind them: links for ~60% of resolved
// dossiers, ratings for ~35% (mostly very satisfied or satisfied, dissatisfaction higher when the
// dossier was late), a few re-ratings that keep the older rating as history, a few comments —
// already masked, as the rating service stores them.
import { type Queryable, RowBuffer } from './bulk-insert.ts';
import type { SeededDossier } from './dossiers.ts';
import type { Random } from './random.ts';

type Level = 'VERY_SATISFIED' | 'SATISFIED' | 'DISSATISFIED';
const LEVELS: readonly Level[] = ['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'];

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A link stays valid at least 30 days after the dossier finished (docs/domain.md §4.1). */
const LINK_VALIDITY_DAYS = 30;

const SHARES = { linked: 0.6, ratedWhenLinked: 0.58, reRated: 0.03, commented: 0.1 } as const;

/** Comments as stored: phone numbers, ID numbers and e-mail addresses already masked. */
const COMMENTS: Readonly<Record<Level, readonly string[]>> = {
  VERY_SATISFIED: [
    'Cán bộ hướng dẫn tận tình, hồ sơ được giải quyết trước hẹn.',
    'Thủ tục nhanh gọn, tôi nhận kết quả ngay trong buổi sáng.',
    'Nộp trực tuyến rất tiện, không phải đi lại nhiều lần.',
    'Cảm ơn chị cán bộ một cửa đã gọi điện báo kết quả sớm (SĐT của tôi: 09******86).',
    'Phục vụ chu đáo, nơi chờ sạch sẽ, thoáng mát.',
  ],
  SATISFIED: [
    'Đúng hẹn, cán bộ lịch sự.',
    'Giải quyết đúng quy định, tuy phải chờ khá lâu ở quầy.',
    'Hướng dẫn rõ ràng, nhưng nên có thêm máy lấy số thứ tự.',
    'Ổn. Đề nghị gửi thông báo qua email ng****@gmail.com khi có kết quả.',
  ],
  DISSATISFIED: [
    'Hồ sơ bị trễ hẹn mà không được báo trước.',
    'Phải bổ sung giấy tờ hai lần vì lần đầu hướng dẫn không đầy đủ.',
    'Chờ quá lâu, gọi vào số đường dây nóng không ai nghe máy.',
    'Đã nộp đủ bản sao CCCD số 0**********5 nhưng vẫn bị yêu cầu nộp lại.',
  ],
};

function level(random: Random, dossier: SeededDossier): Level {
  const late = dossier.timeliness === 'LATE';
  const weights = late
    ? [0.22, 0.4, 0.38]
    : dossier.slot.channel === 'ONLINE'
      ? [0.66, 0.32, 0.02]
      : [0.6, 0.37, 0.03];
  return random.weighted(LEVELS, weights);
}

/** Most people rate at the desk or within hours; some come back days later. */
function delayMs(random: Random): number {
  return random.chance(0.7) ? random.int(1, 120) * MINUTE : random.int(1, 10 * 24 * 60) * MINUTE;
}

export interface RatingCounts {
  links: number;
  ratings: number;
  replaced: number;
}

export async function seedRatings(
  db: Queryable,
  random: Random,
  dossiers: readonly SeededDossier[],
  asOf: Date,
): Promise<RatingCounts> {
  const links = new RowBuffer([
    { name: 'dossierId', type: 'bigint' },
    { name: 'issuedAt', type: 'timestamptz' },
    { name: 'expiresAt', type: 'timestamptz' },
  ]);
  const ratings = new RowBuffer([
    { name: 'dossierId', type: 'bigint' },
    { name: 'level', type: '"RatingLevel"' },
    { name: 'comment', type: 'text' },
    { name: 'current', type: 'boolean' },
    { name: 'submittedAt', type: 'timestamptz' },
    { name: 'replacedAt', type: 'timestamptz' },
  ]);
  let replaced = 0;
  for (const dossier of dossiers) {
    // Only a finished dossier can be rated; links go out with the result.
    if (dossier.endKind !== 'RESOLVED' && dossier.endKind !== 'RETURNED') continue;
    if (!random.chance(SHARES.linked)) continue;
    const issuedAt = dossier.returnedAt ?? dossier.endedAt!;
    const expiresAt = new Date(dossier.endedAt!.getTime() + (LINK_VALIDITY_DAYS + random.int(0, 30)) * DAY);
    links.push({ dossierId: dossier.id, issuedAt, expiresAt });
    if (!random.chance(SHARES.ratedWhenLinked)) continue;

    let submittedAt = new Date(issuedAt.getTime() + delayMs(random));
    if (submittedAt > asOf || submittedAt >= expiresAt) continue;
    let current = level(random, dossier);
    if (random.chance(SHARES.reRated)) {
      // Rated once, then changed their mind: the older rating stays as history (current = false).
      const earlier = random.weighted(
        LEVELS,
        current === 'DISSATISFIED' ? [0.2, 0.5, 0.3] : [0.25, 0.3, 0.45],
      );
      const later = new Date(submittedAt.getTime() + random.int(10, 3 * 24 * 60) * MINUTE);
      if (later <= asOf && later < expiresAt) {
        ratings.push({
          dossierId: dossier.id,
          level: earlier,
          comment: null,
          current: false,
          submittedAt,
          replacedAt: later,
        });
        replaced++;
        submittedAt = later;
        if (earlier === current) current = current === 'DISSATISFIED' ? 'SATISFIED' : 'VERY_SATISFIED';
      }
    }
    const comment = random.chance(SHARES.commented) ? random.pick(COMMENTS[current]) : null;
    ratings.push({
      dossierId: dossier.id,
      level: current,
      comment,
      current: true,
      submittedAt,
      replacedAt: null,
    });
  }
  await links.insert(db, 'RatingLink');
  await ratings.insert(db, 'Rating');
  return { links: links.length, ratings: ratings.length - replaced, replaced };
}
