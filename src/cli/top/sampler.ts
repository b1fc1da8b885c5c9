import type { LioRoot } from '../../model/index.js';
import { rates, takeSample, type StatsRates, type StatsSample, type StatsScope } from '../../model/stats/index.js';

/** Takes samples one after another and turns each pair into rates. */
export class Sampler {
  private previous: StatsSample | undefined;

  constructor(
    private readonly lio: LioRoot,
    private readonly scope: StatsScope,
    private readonly now?: () => number,
  ) {}

  /** A new sample, with rates since the previous one (none on the first call). */
  next(): StatsRates {
    const current = takeSample(this.lio, { scope: this.scope, ...(this.now === undefined ? {} : { now: this.now }) });
    const previous = this.previous;
    this.previous = current;
    return rates(previous, current, previous === undefined ? 0 : (current.takenAtMs - previous.takenAtMs) / 1000);
  }
}
