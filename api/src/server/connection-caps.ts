// Long-lived connections (WebSocket, and Server-Sent Events streams on /graphql) are a resource of
// this process — memory, file descriptors, a share of every published event — so they are capped
// per client IP here, in memory: 20,000 subscriptions from one address once pushed everyone
// else's p95 to 2 s (docs/limits.md §5).
export class ConnectionCaps {
  private readonly open = new Map<string, number>();

  constructor(private readonly perIp: number) {}

  /** Takes a slot for `ip`; false when it has none left. Call the returned release once, at close. */
  acquire(ip: string): (() => void) | null {
    const count = this.open.get(ip) ?? 0;
    if (count >= this.perIp) return null;
    this.open.set(ip, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(ip) ?? 1) - 1;
      if (left > 0) this.open.set(ip, left);
      else this.open.delete(ip);
    };
  }
}

/** The answer to a connection over the cap (serialised as a GraphQL error). */
export function tooManyConnections(max: number) {
  return {
    message: `Mỗi địa chỉ IP được mở tối đa ${max} kết nối trực tiếp (WebSocket, SSE) cùng lúc. Hãy đóng bớt kết nối cũ.`,
    extensions: { code: 'TOO_MANY_CONNECTIONS', max },
  };
}
