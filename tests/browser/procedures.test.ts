// Editing the procedure catalogue in the browser (/procedures): a provincial unit admin creates a
// procedure (a refused field first, its message next to it) and anyone sees it through the public
// API; changing a time limit moves `dueDate` for dossiers received from now on, not for those
// received before; a commune's officials get no edit form and the API refuses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../support/officials.ts';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const EDITOR = {
  username: 'qt.tinh.tt',
  role: 'UNIT_ADMIN',
  agencyCode: '56',
  displayName: 'Đoàn Văn Tỉnh',
} as const;
const COMMUNE_ADMIN = { username: 'qt.phuochau.tt', role: 'UNIT_ADMIN', agencyCode: '22873' } as const;
const COMMUNE_OFFICER = { username: 'canbo.phuochau.tt', role: 'OFFICER', agencyCode: '22873' } as const;

const PUBLIC_PROCEDURE = `query($code: String!) {
  procedure(code: $code) { code name published levels sector { name } timeLimits { channel value unit } }
}`;
const DUE_DATE = `query($code: String!, $at: DateTime!) { dueDate(procedureCode: $code, channel: IN_PERSON, receivedAt: $at) }`;

/** Seeded from procedures.json: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", 3 working days in person. */
const MARRIAGE_STATUS = '1.004873';

describe.skipIf(!chromiumPath)('editing the procedure catalogue', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [EDITOR, COMMUNE_ADMIN, COMMUNE_OFFICER] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const dueDate = async (at: string) =>
    (await h.api.gql<{ dueDate: string }>(DUE_DATE, { code: MARRIAGE_STATUS, at })).data?.dueDate;

  it('a provincial admin creates a procedure; it is in the public API at once', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, EDITOR.username);
    await page.goto('/procedures');
    await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
    await page.waitForURL((url) => url.pathname === '/procedures/new');
    await checks.check(page, 'them-thu-tuc');

    // A code that is not a national code: refused, with the message next to the field.
    await page.getByLabel('Mã thủ tục').fill('1.99');
    await page.getByLabel('Tên thủ tục').fill('Thủ tục thử nghiệm cấp giấy xác nhận cư trú tạm thời');
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
    await page.getByLabel('Cấp xã').check();
    const inPerson = page.getByRole('group', { name: 'Trực tiếp' });
    await inPerson.getByLabel('Thời hạn').fill('3');
    await inPerson.getByLabel('Đơn vị tính').selectOption('WORKING_DAYS');
    await page.getByRole('button', { name: 'Thêm thủ tục', exact: true }).click();
    await page.getByRole('alert').waitFor();
    const codeField = page.getByLabel('Mã thủ tục');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    const described = (await codeField.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      described
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toMatch(/mã/i);
    await checks.check(page, 'them-thu-tuc-loi');
    expect(
      (await h.api.gql<{ procedure: unknown }>(PUBLIC_PROCEDURE, { code: '1.99' })).data?.procedure,
    ).toBeNull();

    await page.getByLabel('Mã thủ tục').fill('1.999921');
    await page.getByRole('button', { name: 'Thêm thủ tục', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/procedures/1.999921');
    await page
      .getByRole('heading', { level: 1, name: 'Thủ tục thử nghiệm cấp giấy xác nhận cư trú tạm thời' })
      .waitFor();
    await checks.check(page, 'chi-tiet-thu-tuc');

    // The public API, without any credential, as a portal would read it.
    const res = await h.api.gql(PUBLIC_PROCEDURE, { code: '1.999921' });
    expect(res.data).toEqual({
      procedure: {
        code: '1.999921',
        name: 'Thủ tục thử nghiệm cấp giấy xác nhận cư trú tạm thời',
        published: true,
        levels: ['COMMUNE'],
        sector: { name: 'Hộ tịch' },
        timeLimits: [{ channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS' }],
      },
    });
    checks.expectClean();
  });

  it('changing a time limit moves the due date of dossiers received from now on, not of earlier ones', async () => {
    // By hand (no calendar exception in November 2026 or January 2027): from a Friday 08:00 a working
    // day ends at 08:00 of the next working day, so 3 days → the Wednesday after, 5 days → the Friday after.
    const before = '2026-11-20T08:00:00+07:00'; // received before the change (a Friday)
    const after = '2027-01-08T08:00:00+07:00'; // received after it (a Friday)
    expect(await dueDate(before)).toBe('2026-11-25T08:00:00+07:00');
    expect(await dueDate(after)).toBe('2027-01-13T08:00:00+07:00');

    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, EDITOR.username);
    await page.goto(`/procedures/${MARRIAGE_STATUS}`);
    await page.getByRole('link', { name: 'Sửa thủ tục' }).click();
    await page.getByRole('heading', { level: 1, name: /^Sửa thủ tục/ }).waitFor();
    await checks.check(page, 'sua-thu-tuc');
    const inPerson = page.getByRole('group', { name: 'Trực tiếp' });
    expect(await inPerson.getByLabel('Thời hạn').inputValue()).toBe('3');
    await inPerson.getByLabel('Thời hạn').fill('5');
    await page.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === `/procedures/${MARRIAGE_STATUS}` && !url.searchParams.has('edit'),
    );
    await page.getByRole('status').first().waitFor();

    expect(await dueDate(after)).toBe('2027-01-15T08:00:00+07:00');
    expect(await dueDate(before)).toBe('2026-11-25T08:00:00+07:00');
    const limits = await h.api.gql<{ procedure: { timeLimits: unknown[] } }>(PUBLIC_PROCEDURE, {
      code: MARRIAGE_STATUS,
    });
    expect(limits.data?.procedure.timeLimits).toContainEqual({
      channel: 'IN_PERSON',
      value: 5,
      unit: 'WORKING_DAYS',
    });
    checks.expectClean();
  });

  for (const official of [COMMUNE_ADMIN, COMMUNE_OFFICER]) {
    it(`a commune's ${official.role} gets no edit form, and the API refuses the change`, async () => {
      const page = await h.newPage();
      await signIn(page, official.username);
      await page.goto(`/procedures/${MARRIAGE_STATUS}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: 'Sửa thủ tục' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Thêm thủ tục' }).count()).toBe(0);
      await page.goto(`/procedures/${MARRIAGE_STATUS}?edit`);
      expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).count()).toBe(0);
      expect(await page.getByLabel('Tên thủ tục').count()).toBe(0);

      const res = await h.api.gql<{
        updateProcedure: { procedure: unknown; userErrors: { code: string }[] };
      }>(
        `mutation($input: UpdateProcedureInput!) { updateProcedure(input: $input) { procedure { code } userErrors { code } } }`,
        { input: { code: MARRIAGE_STATUS, name: 'Tên do xã tự đổi' } },
        await sessionOf(h.api, official.username),
      );
      expect(res.data?.updateProcedure.procedure).toBeNull();
      expect(res.data?.updateProcedure.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      const after = await h.api.gql<{ procedure: { name: string } }>(PUBLIC_PROCEDURE, {
        code: MARRIAGE_STATUS,
      });
      expect(after.data?.procedure.name).toBe('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân');
    });
  }
});
