import { describe, expect, it } from 'vitest';
import { events, requests } from './contract';
import { EVENT_NAMES, REQUEST_NAMES } from './contract-names';

describe('contract names', () => {
  it('lists exactly the requests of the contract', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requests).sort());
  });
  it('lists exactly the events of the contract', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });
  it('names requests area.verb', () => {
    for (const name of REQUEST_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
