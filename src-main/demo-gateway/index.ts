// The demo gateway's one entry for the rest of the codebase (the app's Demo profile, the soak run, the bench): the
// gateway itself, its options and fault switches, the stock contract its universe answers to, the seeded random
// numbers a soak run shares with it, for replay the checkpointer a recorder writes checkpoints with and the check
// a list of recordings makes (with the replay's typed error), the replaying gateway on a thread of its own, and its request decoder as the app's recorder stores
// requests. Everything else in this folder is the gateway's own.
export { createDemoGateway } from './gateway';
export type { DemoGateway } from './gateway';
export type { DemoGatewayOptions } from './gateway-options';
export type { FaultControls, MalformedKind } from './faults';
export { stockContract } from './model/stock-contract';
export { hash32, Prng } from './model/rng';
export { createReplayCheckpointer } from './replay/checkpointer';
export type { ReplayCheckpointer } from './replay/checkpointer';
export { CHECKPOINT_EVERY_MS } from './replay/checkpoint';
export { inspectRecording } from './replay/replay-mode';
export type { RecordingSummary } from './replay/replay-mode';
export { ReplayError } from './replay/replay-error';
export { startReplayThread } from './replay/replay-thread';
export { recordedRequest } from './wire/request-record';
