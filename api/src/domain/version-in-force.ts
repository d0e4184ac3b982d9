// Which version of a procedure governs a dossier (docs/domain.md §2.4): the one in force at the
// dossier's reception. A version applies from an instant (`appliesFrom`: local midnight of the
// effective date the change gave, or the moment it was saved); versions loaded before versioning
// existed apply since always (null). Resolved when read, so a version dated in the future takes over
// on its date with no job to run.

export interface VersionTiming {
  version: number;
  appliesFrom: Date | null;
}

const since = (v: VersionTiming) => v.appliesFrom?.getTime() ?? Number.NEGATIVE_INFINITY;

/**
 * The version in force at `at`: the latest `appliesFrom` not after it (null = since always); of two
 * versions applying from the same instant, the later-numbered one (it was saved after the other).
 * Null when every version applies only from later on.
 */
export function versionInForce<V extends VersionTiming>(versions: readonly V[], at: Date): V | null {
  const t = at.getTime();
  let best: V | null = null;
  for (const v of versions) {
    if (since(v) > t) continue;
    if (!best || since(v) > since(best) || (since(v) === since(best) && v.version > best.version)) best = v;
  }
  return best;
}
