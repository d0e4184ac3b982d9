// Moderating citizens' comments (/ratings): a commune's unit admin hides an abusive comment in the
// browser — kept, with its reason, reversible — and third parties (a read key) no longer get its
// text; restoring shows it again. An admin of another commune neither sees it nor may hide it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFor } from '../support/keys.ts';
import { sessionOf } from '../support/officials.ts';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const ADMIN = {
  username: 'qt.phuochau.bl',
  role: 'UNIT_ADMIN',
  agencyCode: '22873',
  displayName: 'Ngô Thị Hậu',
} as const;
/** Xã Ninh Phước (22870 since 1/7/2025): a neighbouring commune, outside Phước Hậu's subtree. */
const OTHER = { username: 'qt.ninhphuoc.bl', role: 'UNIT_ADMIN', agencyCode: '22870' } as const;
const REASON = 'Lời lẽ xúc phạm cán bộ tiếp nhận hồ sơ';

const COMMENTS = `query($filter: RatingCommentFilter) {
  ratingComments(first: 1, filter: $filter) {
    totalCount
    edges { node { id dossierCode comment hidden } }
  }
}`;
interface Comments {
  ratingComments: {
    totalCount: number;
    edges: { node: { id: string; dossierCode: string; comment: string | null; hidden: boolean } }[];
  };
}

describe.skipIf(!chromiumPath)('moderating comments', () => {
  let h: Harness;
  let readKey: Record<string, string>;
  /** The newest comment on a Phước Hậu dossier, as a third party reads it before moderation. */
  let target: { id: string; dossierCode: string; comment: string };

  /** What a third party with a read key gets for the target's comment. */
  const thirdPartyView = async () => {
    const res = await h.api.gql<Comments>(COMMENTS, { filter: { agencyCode: '22873' } }, readKey);
    const node = res.data?.ratingComments.edges[0]?.node;
    expect(node?.id).toBe(target.id);
    return node!.comment;
  };

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { dossiers: 3000, officials: [ADMIN, OTHER] });
    readKey = await keyFor(h.api, 'READ');
    const res = await h.api.gql<Comments>(
      COMMENTS,
      { filter: { agencyCode: '22873', hidden: false } },
      readKey,
    );
    const node = res.data?.ratingComments.edges[0]?.node;
    expect(node?.comment, 'the seed has a comment on a Phước Hậu dossier').toBeTruthy();
    target = { id: node!.id, dossierCode: node!.dossierCode, comment: node!.comment! };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a unit admin hides a comment with a reason; third parties no longer get it; restoring shows it again', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, ADMIN.username);
    await page.goto('/ratings');
    await checks.check(page, 'binh-luan');
    const item = page.locator(`#rating-${target.id}`);
    await expect(item.textContent()).resolves.toContain(target.comment);

    await item.getByRole('link', { name: `Ẩn bình luận… của hồ sơ ${target.dossierCode}` }).click();
    await item.getByLabel(`Lý do ẩn bình luận của hồ sơ ${target.dossierCode}`).fill(REASON);
    await checks.check(page, 'binh-luan-an');
    await item.getByRole('button', { name: 'Xác nhận ẩn bình luận' }).click();
    await page.getByText('Đã ẩn bình luận.').waitFor();
    const hidden = page.locator(`#rating-${target.id}`);
    await hidden.getByText('Đã ẩn').first().waitFor();
    // The moderator still reads the text and the reason; a third party gets nothing.
    await expect(hidden.textContent()).resolves.toContain(REASON);
    expect(await thirdPartyView()).toBeNull();

    await hidden.getByRole('button', { name: `Khôi phục bình luận của hồ sơ ${target.dossierCode}` }).click();
    await page.getByText('Đã khôi phục bình luận').waitFor();
    expect(await thirdPartyView()).toBe(target.comment);
    checks.expectClean();
  });

  it('an admin of another commune does not see the comment, and the API refuses to hide it', async () => {
    const page = await h.newPage();
    await signIn(page, OTHER.username);
    await page.goto('/ratings');
    expect(await page.locator(`#rating-${target.id}`).count()).toBe(0);

    const res = await h.api.gql<{ hideRatingComment: { userErrors: { code: string }[] } }>(
      `mutation($input: HideRatingCommentInput!) { hideRatingComment(input: $input) { userErrors { code } } }`,
      { input: { ratingId: target.id, reason: REASON } },
      await sessionOf(h.api, OTHER.username),
    );
    expect(res.data?.hideRatingComment.userErrors.map((e) => e.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(FORBIDDEN|OUT_OF_SCOPE|NOT_FOUND)$/)]),
    );
    expect(await thirdPartyView()).toBe(target.comment);
  });
});
