import type { SeededRandom } from '../random/seeded-random';

const IMPROVEMENT = 1e-9;
const MAX_REFINEMENT_PASSES = 50;

/**
 * Files per side and label, against the targets the side fractions set. The cost of a cell is
 * (count - target)² / target, chi-square-like, so a small test side's proportions weigh as much as
 * the training side's; summed over labels it also holds each side's size near its fraction.
 */
class SideCounts {
  readonly counts: number[][];
  private readonly targets: number[][];

  constructor(labelTotals: readonly number[], sideWeights: readonly number[]) {
    const weightSum = sideWeights.reduce((a, b) => a + b, 0);
    this.targets = sideWeights.map((weight) => labelTotals.map((total) => (total * weight) / weightSum));
    this.counts = sideWeights.map(() => labelTotals.map(() => 0));
  }

  private cellCost(side: number, label: number, count: number): number {
    const target = this.targets[side][label];
    return (count - target) ** 2 / Math.max(target, 1);
  }

  /** The change in cost of adding `change` (files per label) to a side. */
  deltaAdd(side: number, change: readonly number[]): number {
    let delta = 0;
    for (let label = 0; label < change.length; label++) {
      if (change[label] === 0) continue;
      const count = this.counts[side][label];
      delta += this.cellCost(side, label, count + change[label]) - this.cellCost(side, label, count);
    }
    return delta;
  }

  /** The change in cost of moving `change` from one side to another. */
  deltaTransfer(from: number, to: number, change: readonly number[]): number {
    return this.deltaAdd(to, change) + this.deltaAdd(from, change.map((count) => -count));
  }

  add(side: number, change: readonly number[], sign: 1 | -1 = 1): void {
    for (let label = 0; label < change.length; label++) this.counts[side][label] += sign * change[label];
  }
}

/**
 * Assigns units (each a count of files per label, kept whole) to sides so that every side's label
 * counts come as near as they can to its weight's share of each label. Greedy in a seeded random
 * order, so another seed gives another split; then single moves and pairwise swaps while they
 * lower the cost; then a side left empty takes the unit that costs least to move there, if any side
 * can spare one. Sides of weight 0 get nothing. Returns a side index per unit.
 */
export function assignBalanced(units: readonly (readonly number[])[], sideWeights: readonly number[], random: SeededRandom): number[] {
  const labelTotals = units.reduce((totals, unit) => totals.map((total, label) => total + unit[label]), units[0]?.map(() => 0) ?? []);
  const state = new SideCounts(labelTotals, sideWeights);
  const sides = sideWeights.flatMap((weight, side) => (weight > 0 ? [side] : []));
  const order = random.shuffle(units.map((_, index) => index));
  const assignment = units.map(() => -1);
  for (const unit of order) {
    assignment[unit] = cheapest(sides, (side) => state.deltaAdd(side, units[unit]));
    state.add(assignment[unit], units[unit]);
  }
  refine(units, assignment, order, sides, state);
  fillEmptySides(units, assignment, sides, state);
  return assignment;
}

/** The side of least cost; the earliest among equals, so the result depends on nothing but the order. */
function cheapest(sides: readonly number[], cost: (side: number) => number): number {
  let best = sides[0];
  let bestCost = cost(best);
  for (const side of sides.slice(1)) {
    const sideCost = cost(side);
    if (sideCost < bestCost - IMPROVEMENT) [best, bestCost] = [side, sideCost];
  }
  return best;
}

/** Swaps are tried between units of several files only: single files are placed well enough by moves. */
function refine(units: readonly (readonly number[])[], assignment: number[], order: readonly number[], sides: readonly number[], state: SideCounts): void {
  const groups = order.filter((unit) => units[unit].reduce((a, b) => a + b, 0) > 1);
  for (let pass = 0; pass < MAX_REFINEMENT_PASSES; pass++) {
    let changes = 0;
    for (const unit of order) if (tryMove(units[unit], unit, assignment, sides, state)) changes++;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) if (trySwap(units, groups[i], groups[j], assignment, state)) changes++;
    }
    if (changes === 0) return;
  }
}

function tryMove(unit: readonly number[], index: number, assignment: number[], sides: readonly number[], state: SideCounts): boolean {
  const from = assignment[index];
  const to = cheapest(sides, (side) => (side === from ? 0 : state.deltaTransfer(from, side, unit)));
  if (to === from || state.deltaTransfer(from, to, unit) >= -IMPROVEMENT) return false;
  transfer(state, from, to, unit);
  assignment[index] = to;
  return true;
}

function trySwap(units: readonly (readonly number[])[], a: number, b: number, assignment: number[], state: SideCounts): boolean {
  const [sideA, sideB] = [assignment[a], assignment[b]];
  if (sideA === sideB) return false;
  const net = units[a].map((count, label) => count - units[b][label]);
  if (state.deltaTransfer(sideA, sideB, net) >= -IMPROVEMENT) return false;
  transfer(state, sideA, sideB, net);
  [assignment[a], assignment[b]] = [sideB, sideA];
  return true;
}

function transfer(state: SideCounts, from: number, to: number, change: readonly number[]): void {
  state.add(from, change, -1);
  state.add(to, change);
}

function fillEmptySides(units: readonly (readonly number[])[], assignment: number[], sides: readonly number[], state: SideCounts): void {
  const unitsPerSide = sides.map((side) => assignment.filter((assigned) => assigned === side).length);
  for (const [emptyAt, empty] of sides.entries()) {
    if (unitsPerSide[emptyAt] > 0) continue;
    const spare = assignment.flatMap((side, unit) => (unitsPerSide[sides.indexOf(side)] > 1 ? [unit] : []));
    if (spare.length === 0) return;
    const cost = (unit: number) => state.deltaTransfer(assignment[unit], empty, units[unit]);
    const unit = spare.reduce((best, candidate) => (cost(candidate) < cost(best) ? candidate : best));
    unitsPerSide[sides.indexOf(assignment[unit])]--;
    unitsPerSide[emptyAt]++;
    transfer(state, assignment[unit], empty, units[unit]);
    assignment[unit] = empty;
  }
}
