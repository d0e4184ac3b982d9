/** Milliseconds spent in each named phase of a unit of work, for debug logs and benchmarks. */
export class PhaseTimer {
  readonly phases: Record<string, number> = {};
  private last = performance.now();

  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round((now - this.last) * 10) / 10;
    this.last = now;
  }
}
