// Live statistics of the LIO target: pure readers of the kernel's counters through the
// configfs port, health warnings, and rates from two samples.
export { COUNTER_WRAP, counterDelta } from './counter-delta.js';
export { readCounter } from './read-counter.js';
export type { StatsScope } from './stats-scope.js';
export type {
  HealthKind,
  HealthWarning,
  InitiatorCounters,
  LunCounters,
  MappedLunCounters,
  SessionCounters,
  StatsSample,
  TpgPlace,
} from './stats-types.js';
export { readLunCounters } from './lun-counters.js';
export { initiatorCounters, readInitiators } from './initiator-counters.js';
export { storageWarnings, tpgWarnings } from './health-warnings.js';
export { takeSample, type SampleOptions } from './take-sample.js';
export { rates, type InitiatorRate, type LunRate, type MappedLunRate, type StatsRates } from './rates.js';
