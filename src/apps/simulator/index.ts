/**
 * The carrier simulator: realistic orders, shipments and carrier scan streams, replayed through
 * the same ingest path real carrier webhooks take. `otodoke simulate` is its command line; the
 * demo store and the benchmarks call these functions directly.
 */
export {
  DEFAULT_SHARES,
  SCENARIOS,
  planEnd,
  planSimulation,
  scansDueBetween,
  seedTag,
  simulatedOrderId,
  type Lane,
  type LaneKind,
  type PlanOptions,
  type PlannedOrder,
  type PlannedScan,
  type PlannedShipment,
  type ScanDelivery,
  type Scenario,
  type SimulationPlan,
  type SimulationShares,
} from './plan.ts';
export { MAX_BATCH, SIMULATOR_SOURCE, realTimer, runSimulation, type ProblemKind, type RunOptions, type SimulationProgress, type SimulationSummary, type Timer } from './run.ts';
export { formatSummary } from './summary.ts';
