// Files previewed for import, kept on this server until the official applies them ("Áp dụng"), so
// the file is uploaded once. In memory: with several UI instances, the load balancer must keep an
// official on one instance (or the official uploads again). Bounded in time and size.
import { randomUUID } from 'node:crypto';
import type { ProcedureImportFormat } from '../graphql/generated/graphql';

export interface KeptUpload {
  owner: string;
  fileName: string;
  format: ProcedureImportFormat;
  content: string;
}

const TTL_MS = 30 * 60_000;
const MAX_TOTAL_CHARS = 150 * 1024 * 1024;

const uploads = new Map<string, KeptUpload & { at: number }>();

function evict(now: number): void {
  let total = 0;
  // Newest first: the oldest go when the total is over the bound.
  for (const [id, upload] of [...uploads].reverse()) {
    total += upload.content.length;
    if (now - upload.at > TTL_MS || total > MAX_TOTAL_CHARS) uploads.delete(id);
  }
}

export function keepUpload(upload: KeptUpload, now = Date.now()): string {
  const id = randomUUID();
  uploads.set(id, { ...upload, at: now });
  evict(now);
  return id;
}

/** The upload, for its owner only; null when unknown, expired or someone else's. */
export function findUpload(id: string, owner: string, now = Date.now()): KeptUpload | null {
  evict(now);
  const upload = uploads.get(id);
  return upload && upload.owner === owner ? upload : null;
}

export function dropUpload(id: string): void {
  uploads.delete(id);
}
