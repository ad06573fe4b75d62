// Market rules (reqMarketRule): the price increment of each instrument's tick grid. The demo uses one flat
// increment per rule; ids are stable.

const RULES: [id: number, tick: number][] = [
  [26, 0.01],
  [67, 0.25],
  [68, 1],
  [69, 0.1],
  [70, 0.001],
  [71, 0.015625],
  [72, 0.03125],
  [73, 0.005],
  [239, 0.00005],
  [240, 0.005],
];

export function ruleIdForTick(tick: number, fx = false): number {
  if (fx) return tick === 0.005 ? 240 : 239;
  for (const [id, t] of RULES) if (t === tick && id < 239) return id;
  return 26;
}

/** Price increments of a rule as [lowEdge, increment] pairs. */
export function ruleIncrements(id: number): [number, number][] {
  const hit = RULES.find(([rid]) => rid === id);
  return [[0, hit ? hit[1] : 0.01]];
}
