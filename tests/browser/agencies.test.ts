// A commune's officials and the agency pages (/agencies/<code>): the commune's unit admin edits its
// own unit's details in the browser, but on a neighbouring commune's page there is no form, and the
// API refuses the same change sent with that admin's session; an officer edits nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../support/officials.ts';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const ADMIN = {
  username: 'qt.phuochau.dv',
  role: 'UNIT_ADMIN',
  agencyCode: '22873',
  displayName: 'Lâm Văn Đơn',
} as const;
const OFFICER = { username: 'canbo.phuochau.dv', role: 'OFFICER', agencyCode: '22873' } as const;

const UPDATE = `mutation($input: UpdateAgencyInput!) {
  updateAgency(input: $input) { agency { code name shortName } userErrors { code message } }
}`;
interface Update {
  updateAgency: {
    agency: { code: string; name: string; shortName: string | null } | null;
    userErrors: { code: string }[];
  };
}
const AGENCY = `query($code: String!) { agency(code: $code) { code name shortName } }`;

describe.skipIf(!chromiumPath)("a commune's officials and the agency pages", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [ADMIN, OFFICER] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const agency = async (code: string) =>
    (await h.api.gql<{ agency: { code: string; name: string; shortName: string | null } }>(AGENCY, { code }))
      .data?.agency;

  it("the commune's unit admin edits its own unit's details", async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, ADMIN.username);
    await page.goto('/agencies');
    await checks.check(page, 'co-quan');
    await page.goto('/agencies/22873');
    await page.getByRole('heading', { level: 1, name: 'Xã Phước Hậu' }).waitFor();
    await checks.check(page, 'co-quan-phuoc-hau');
    const details = page.locator('details').filter({ hasText: 'Sửa thông tin đơn vị' });
    await details.getByText('Sửa thông tin đơn vị').click();
    await details.getByLabel('Tên viết tắt').fill('UBND xã Phước Hậu');
    await details.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu thông tin đơn vị.').waitFor();
    expect(await agency('22873')).toEqual({
      code: '22873',
      name: 'Xã Phước Hậu',
      shortName: 'UBND xã Phước Hậu',
    });
    checks.expectClean();
  });

  it("on a neighbouring commune's page there is no form, and the API refuses the change", async () => {
    const page = await h.newPage();
    await signIn(page, ADMIN.username);
    await page.goto('/agencies/22870');
    await page.getByRole('heading', { level: 1, name: 'Xã Ninh Phước' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Quản trị đơn vị' }).count()).toBe(0);
    expect(await page.getByLabel('Tên đơn vị').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu thông tin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cập nhật thủ tục thực hiện' }).count()).toBe(0);

    const res = await h.api.gql<Update>(
      UPDATE,
      { input: { code: '22870', shortName: 'Đổi bởi xã khác' } },
      await sessionOf(h.api, ADMIN.username),
    );
    expect(res.data?.updateAgency.agency).toBeNull();
    expect(res.data?.updateAgency.userErrors.map((e) => e.code)).toEqual([
      expect.stringMatching(/^(FORBIDDEN|OUT_OF_SCOPE)$/),
    ]);
    expect((await agency('22870'))?.shortName).not.toBe('Đổi bởi xã khác');
  });

  it("an officer gets no form even on the commune's own page, and the API refuses", async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER.username);
    await page.goto('/agencies/22873');
    await page.getByRole('heading', { level: 1, name: 'Xã Phước Hậu' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thông tin' }).count()).toBe(0);

    const res = await h.api.gql<Update>(
      UPDATE,
      { input: { code: '22873', shortName: 'Đổi bởi cán bộ' } },
      await sessionOf(h.api, OFFICER.username),
    );
    // An officer may not administer at all: a top-level FORBIDDEN (docs/api.md "Roles", how a
    // refusal comes back), nothing changed.
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.updateAgency ?? null).toBeNull();
    expect((await agency('22873'))?.shortName).not.toBe('Đổi bởi cán bộ');
  });
});
