// The replay clock: a recording's time running at a chosen speed over a real clock. It is the replaying gateway's
// Clock, so every part of the gateway (the beat, the matching engine, reqCurrentTime, the model's fallback answers)
// sees recorded time; timers still run in real time. Pausing freezes it, seeking sets it, speed scales it.
import type { Clock, Timer } from '../../../src-shared/clock';
import { ReplayError } from './replay-error';

/** Speeds the transport offers (1x … 60x). */
const MIN_SPEED = 1;
const MAX_SPEED = 60;

export class ReplayClock implements Clock {
  /** Replay time and real time at the last change of state: now = at + (real - realAt) * speed while playing. */
  private at: number;
  private realAt: number;
  private rate: number;
  private running = false;

  constructor(
    private readonly base: Clock,
    start: number,
    speed = 1,
  ) {
    checkSpeed(speed);
    this.at = start;
    this.realAt = base.now();
    this.rate = speed;
  }

  now(): number {
    return this.running ? this.at + Math.floor((this.base.now() - this.realAt) * this.rate) : this.at;
  }

  get playing(): boolean {
    return this.running;
  }

  get speed(): number {
    return this.rate;
  }

  play(): void {
    if (this.running) return;
    this.realAt = this.base.now();
    this.running = true;
  }

  pause(): void {
    if (!this.running) return;
    this.at = this.now();
    this.running = false;
  }

  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.at = this.now();
    this.realAt = this.base.now();
    this.rate = speed;
  }

  /** Sets replay time (seek, step); keeps playing or paused. */
  set(t: number): void {
    this.at = t;
    this.realAt = this.base.now();
  }

  setTimeout(fn: () => void, ms: number): Timer {
    return this.base.setTimeout(fn, ms);
  }

  clearTimeout(t: Timer): void {
    this.base.clearTimeout(t);
  }

  setInterval(fn: () => void, ms: number): Timer {
    return this.base.setInterval(fn, ms);
  }

  clearInterval(t: Timer): void {
    this.base.clearInterval(t);
  }
}

function checkSpeed(speed: number): void {
  if (!(Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED))
    throw new ReplayError('BAD_SPEED', `replay speed must be ${MIN_SPEED}…${MAX_SPEED}, got ${speed}`);
}
