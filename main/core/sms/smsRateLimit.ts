/** At most `maxPerHour` sends in any sliding hour. */
export class SmsRateLimit {
  private sent: number[] = [];

  constructor(private readonly maxPerHour: number, private readonly now: () => number) {}

  /** True and counted if a send may go now; false when the hour's budget is spent. */
  take(): boolean {
    const hourAgo = this.now() - 3_600_000;
    this.sent = this.sent.filter((t) => t > hourAgo);
    if (this.sent.length >= this.maxPerHour) return false;
    this.sent.push(this.now());
    return true;
  }
}
