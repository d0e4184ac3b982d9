// API keys managed over real HTTP (issue 9): createApiKey returns the secret once, only its hash is
// stored, the key works at once and stops when revoked; an administrator limited to a subtree
// issues, lists and revokes keys of that subtree only (docs/api.md "Roles"). Audited.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';

let t: TestApi;
let system: Record<string, string>;
let ninhPhuoc: Record<string, string>;

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht', 'SYSTEM_ADMIN');
  await addOfficial(t, 'qt.ninhphuoc', 'UNIT_ADMIN', NINH_PHUOC);
  system = await sessionOf(t, 'qtht');
  ninhPhuoc = await sessionOf(t, 'qt.ninhphuoc');
});
afterAll(async () => {
  await t?.close();
});

const prisma = () => t.api.services.prisma;

interface KeyPayload {
  apiKey: {
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    agency: { code: string } | null;
    active: boolean;
  } | null;
  secret?: string | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const KEY = 'apiKey { id name prefix scopes agency { code } active rateLimitPerMinute }';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ${KEY} secret userErrors { field code message } } }`;
const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { ${KEY} userErrors { field code message } } }`;

async function create(input: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.gql<{ createApiKey: KeyPayload }>(CREATE, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.createApiKey;
}

async function revoke(id: string, headers: Record<string, string>) {
  const res = await t.gql<{ revokeApiKey: KeyPayload }>(REVOKE, { input: { id } }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.revokeApiKey;
}

const viewerWith = async (secret: string) =>
  t.gql<{ viewer: { kind: string; name: string } }>(
    '{ viewer { kind name } }',
    {},
    { authorization: `Bearer ${secret}` },
  );

describe('createApiKey', () => {
  it('returns the secret once; only its hash is stored; the key works at once', async () => {
    const created = await create(
      {
        name: 'Hệ thống một cửa xã Ninh Phước',
        scopes: ['INGEST', 'READ'],
        agencyCode: NINH_PHUOC,
        rateLimitPerMinute: 120,
      },
      ninhPhuoc,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.apiKey).toMatchObject({
      name: 'Hệ thống một cửa xã Ninh Phước',
      scopes: ['INGEST', 'READ'],
      agency: { code: NINH_PHUOC },
      active: true,
      rateLimitPerMinute: 120,
    });
    const secret = created.secret!;
    expect(secret).toMatch(new RegExp(`^tthc_${created.apiKey!.prefix}_[A-Za-z0-9_-]{43}$`));
    expect((await viewerWith(secret)).data).toEqual({
      viewer: { kind: 'API_KEY', name: 'Hệ thống một cửa xã Ninh Phước' },
    });
    const row = await prisma().apiKey.findUniqueOrThrow({ where: { id: Number(created.apiKey!.id) } });
    const hidden = secret.slice(`tthc_${row.prefix}_`.length);
    expect(row.hash).toBe(createHash('sha256').update(hidden).digest('hex'));
    // Never readable again: not in the list, not in the audit log.
    const list = await t.gql('{ apiKeys(first: 100) { edges { node { id name prefix } } } }', {}, ninhPhuoc);
    expect(JSON.stringify(list)).not.toContain(hidden);
    const [entry] = await prisma().auditLog.findMany({
      where: { action: 'api-key.create', entityId: String(row.id) },
    });
    const ninhPhuocId = (
      await prisma().agency.findFirstOrThrow({ where: { code: NINH_PHUOC, validTo: null } })
    ).id;
    expect(entry).toMatchObject({ entity: 'ApiKey', agencyId: ninhPhuocId });
    expect(entry!.data).toEqual({
      after: {
        name: 'Hệ thống một cửa xã Ninh Phước',
        prefix: row.prefix,
        scopes: ['INGEST', 'READ'],
        agencyCode: NINH_PHUOC,
        rateLimitPerMinute: 120,
        revokedAt: null,
      },
    });
    expect(JSON.stringify(entry!.data)).not.toContain(row.hash);
  });

  it('keeps keys of a unit admin inside its subtree; only the system issues keys for every agency', async () => {
    const before = await prisma().apiKey.count();
    const everywhere = await create({ name: 'Toàn tỉnh', scopes: ['READ'] }, ninhPhuoc);
    expect(everywhere).toMatchObject({ apiKey: null, secret: null });
    expect(everywhere.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'agencyCode'], 'OUT_OF_SCOPE'],
    ]);
    const other = await create({ name: 'Phước Hậu', scopes: ['READ'], agencyCode: PHUOC_HAU }, ninhPhuoc);
    expect(other.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'agencyCode'], 'OUT_OF_SCOPE'],
    ]);
    const bad = await create(
      { name: ' ', scopes: [], agencyCode: 'KHONG-CO', rateLimitPerMinute: 0 },
      system,
    );
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'name'], 'BAD_USER_INPUT'],
      [['input', 'scopes'], 'BAD_USER_INPUT'],
      [['input', 'rateLimitPerMinute'], 'BAD_USER_INPUT'],
      [['input', 'agencyCode'], 'NOT_FOUND'],
    ]);
    expect(await prisma().apiKey.count()).toBe(before);
    const province = await create({ name: 'Cổng dữ liệu tỉnh', scopes: ['READ'] }, system);
    expect(province.apiKey).toMatchObject({ agency: null, active: true });
  });

  it('lists only the keys of the subtree, newest first', async () => {
    const names = async (headers: Record<string, string>, filter?: Record<string, unknown>) => {
      const res = await t.gql<{ apiKeys: { totalCount: number; edges: { node: { name: string } }[] } }>(
        'query($f: ApiKeyFilter) { apiKeys(first: 100, filter: $f) { totalCount edges { node { name } } } }',
        { f: filter },
        headers,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.apiKeys.edges.map((e) => e.node.name);
    };
    expect(await names(ninhPhuoc)).toEqual(['Hệ thống một cửa xã Ninh Phước']);
    expect(await names(system)).toEqual(['Cổng dữ liệu tỉnh', 'Hệ thống một cửa xã Ninh Phước']);
    expect(await names(system, { search: 'MỘT CỬA' })).toEqual(['Hệ thống một cửa xã Ninh Phước']);
    expect(await names(system, { agencyCode: '56' })).toEqual(['Hệ thống một cửa xã Ninh Phước']);
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once, audited; a second time changes nothing', async () => {
    const { apiKey, secret } = await create(
      { name: 'Tạm thời', scopes: ['READ'], agencyCode: NINH_PHUOC },
      ninhPhuoc,
    );
    const revoked = await revoke(apiKey!.id, ninhPhuoc);
    expect(revoked).toMatchObject({ apiKey: { active: false }, userErrors: [] });
    expect((await viewerWith(secret!)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'api-key.revoke', entityId: apiKey!.id },
    });
    expect(entry.data).toMatchObject({
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    const again = await revoke(apiKey!.id, ninhPhuoc);
    expect(again.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
    expect(await prisma().auditLog.count({ where: { action: 'api-key.revoke', entityId: apiKey!.id } })).toBe(
      1,
    );
  });

  it("refuses another subtree's key and an unknown id", async () => {
    const { apiKey, secret } = await create({ name: 'Sở Tư pháp', scopes: ['READ'] }, system);
    const elsewhere = await revoke(apiKey!.id, ninhPhuoc);
    expect(elsewhere.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'id'], 'OUT_OF_SCOPE']]);
    expect((await viewerWith(secret!)).data?.viewer.kind).toBe('API_KEY');
    for (const id of ['999999', 'abc', '0']) {
      expect((await revoke(id, system)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    }
  });
});
