import { InvalidArgumentError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { fixtures, scheduleFrom } from '../test-utils/fixtures';
import { constant } from './constant';
import { cosineDecay } from './cosine-decay';
import { exponentialDecay } from './exponential-decay';
import { joinSchedules } from './join-schedules';
import { linearWarmup } from './linear-warmup';
import { piecewiseConstant } from './piecewise-constant';
import { polynomialDecay } from './polynomial-decay';
import { reduceOnPlateau } from './reduce-on-plateau';
import { stepDecay } from './step-decay';

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 14);

describe('closed forms at chosen steps', () => {
  it('constant', () => {
    expect([0, 1, 1e6].map(constant(0.3))).toEqual([0.3, 0.3, 0.3]);
  });

  it('exponentialDecay: continuous, staircase, delayed start and floor', () => {
    const s = exponentialDecay({ initValue: 0.1, decayRate: 0.96, transitionSteps: 100 });
    close(s(0), 0.1);
    close(s(250), 0.1 * 0.96 ** 2.5);
    const stairs = exponentialDecay({
      initValue: 0.1,
      decayRate: 0.96,
      transitionSteps: 100,
      staircase: true,
    });
    close(stairs(99), 0.1);
    close(stairs(250), 0.1 * 0.96 ** 2);
    const delayed = exponentialDecay({ initValue: 1, decayRate: 0.5, transitionBegin: 10, endValue: 0.2 });
    close(delayed(10), 1);
    close(delayed(11), 0.5);
    close(delayed(100), 0.2);
    const growing = exponentialDecay({ initValue: 1, decayRate: 2, endValue: 5 });
    close(growing(2), 4);
    close(growing(3), 5);
  });

  it('stepDecay: initValue · gamma^⌊step/stepSize⌋', () => {
    const s = stepDecay({ initValue: 0.1, stepSize: 30, gamma: 0.1 });
    close(s(29), 0.1);
    close(s(30), 0.01);
    close(s(65), 0.1 * 0.1 ** 2);
  });

  it('piecewiseConstant switches at each boundary', () => {
    const s = piecewiseConstant({ boundaries: [100, 200], values: [0.1, 0.01, 0.001] });
    expect([0, 99, 100, 199, 200, 1e9].map(s)).toEqual([0.1, 0.1, 0.01, 0.01, 0.001, 0.001]);
  });

  it('polynomialDecay: (init - end)(1 - t/T)^p + end, held after T', () => {
    const s = polynomialDecay({
      initValue: 0.1,
      endValue: 0.01,
      power: 2,
      decaySteps: 10,
      transitionBegin: 5,
    });
    close(s(5), 0.1);
    close(s(10), 0.09 * 0.25 + 0.01);
    close(s(15), 0.01);
    close(s(1000), 0.01);
    close(polynomialDecay({ initValue: 1, decaySteps: 4 })(1), 0.75);
  });

  it('cosineDecay: half way is the midpoint; alpha floors it; it stays at the floor', () => {
    const s = cosineDecay({ initValue: 0.1, decaySteps: 100 });
    close(s(0), 0.1);
    close(s(50), 0.05);
    close(s(100), 0);
    close(s(25), 0.05 * (1 + Math.cos(Math.PI / 4)));
    const floored = cosineDecay({ initValue: 1, decaySteps: 10, alpha: 0.1 });
    close(floored(10), 0.1);
    close(floored(500), 0.1);
    close(floored(5), 0.55);
  });

  it('cosineDecay with restarts: periods grow by the multiplier, peaks by theirs', () => {
    const s = cosineDecay({
      initValue: 1,
      decaySteps: 10,
      restarts: { periodMultiplier: 2, peakMultiplier: 0.5 },
    });
    close(s(10), 0.5); // second period starts at 10, peak halved
    close(s(20), 0.25); // half way through the 20-step second period
    close(s(30), 0.25); // third period starts at 10 + 20, peak quartered
    close(s(9), 0.5 * (1 + Math.cos((Math.PI * 9) / 10)));
    const even = cosineDecay({ initValue: 1, decaySteps: 4, restarts: {} });
    close(even(4), 1);
    close(even(6), 0.5);
  });

  it('linearWarmup: a straight line to the schedule, which then starts at its own step 0', () => {
    const after = exponentialDecay({ initValue: 1, decayRate: 0.5 });
    const s = linearWarmup(after, { warmupSteps: 4, initValue: 0.2 });
    close(s(0), 0.2);
    close(s(2), 0.6);
    close(s(4), 1);
    close(s(5), 0.5);
    expect(linearWarmup(after, { warmupSteps: 0 })).toBe(after);
  });

  it('joinSchedules: each schedule sees steps from its own start', () => {
    const s = joinSchedules([constant(3), (t) => t, (t) => 100 + t], [10, 20]);
    expect([0, 9, 10, 15, 20, 25].map(s)).toEqual([3, 3, 0, 5, 100, 105]);
  });
});

describe("PyTorch's lr_scheduler", () => {
  for (const c of fixtures.schedules) {
    it(`${c.name}: ${c.torch}`, () => {
      const s = scheduleFrom({ name: c.schedule, options: c.options });
      c.values.forEach((want, step) => {
        // Both sides evaluate the same closed form in float64 (torch's chained forms differ by
        // rounding only); 1e-12 relative leaves room for that and nothing else.
        expect(Math.abs(s(step) - want), `step ${step}: ${s(step)} vs ${want}`).toBeLessThanOrEqual(
          1e-12 * want + 1e-15,
        );
      });
    });
  }

  for (const c of fixtures.plateau) {
    it(`reduceOnPlateau ${c.name}: ${c.torch}`, () => {
      const plateau = reduceOnPlateau(c.options as Parameters<typeof reduceOnPlateau>[0]);
      let state = plateau.init();
      const values = c.metrics.map((m) => {
        state = plateau.update(state, m);
        return state.value;
      });
      values.forEach((v, i) => {
        expect(v, `after metric ${i + 1}`).toBeCloseTo(c.values[i]!, 15);
      });
      // Plain numbers: a checkpoint stores the controller as JSON.
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  }
});

describe('reduceOnPlateau by hand', () => {
  it('waits `patience` bad metrics, reduces, cools down, and never goes below minValue', () => {
    const p = reduceOnPlateau({ initValue: 1, factor: 0.5, patience: 1, cooldown: 1, minValue: 0.3 });
    let s = p.init();
    const seen: number[] = [];
    for (const m of [5, 5, 5, 5, 5, 5, 5]) {
      s = p.update(s, m);
      seen.push(s.value);
    }
    // improve, bad, bad → reduce, cooldown, bad, bad → reduce to the floor, ...
    expect(seen).toEqual([1, 1, 0.5, 0.5, 0.5, 0.3, 0.3]);
    expect(p.update(p.init(), Number.NaN).badSteps).toBe(1);
  });
});

describe('bad options', () => {
  it('throw InvalidArgumentError naming the option', () => {
    expect(() => constant(Number.NaN)).toThrow(/constant: option "value" must be a finite number, got NaN/);
    expect(() => exponentialDecay({ initValue: 1, decayRate: -1 })).toThrow(
      /"decayRate" must be a finite number > 0/,
    );
    expect(() => stepDecay({ initValue: 1, stepSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => piecewiseConstant({ boundaries: [1, 2], values: [1, 2] })).toThrow(
      /expected 3 values for 2 boundaries/,
    );
    expect(() => piecewiseConstant({ boundaries: [2, 1], values: [1, 2, 3] })).toThrow(
      /boundaries must increase/,
    );
    expect(() => polynomialDecay({ initValue: 1, decaySteps: 0 })).toThrow(/"decaySteps"/);
    expect(() => cosineDecay({ initValue: 1, decaySteps: 10, alpha: 2 })).toThrow(
      /"alpha" must be a finite number in \[0, 1\]/,
    );
    expect(() => cosineDecay({ initValue: 1, decaySteps: 10, restarts: { periodMultiplier: 0.5 } })).toThrow(
      /periodMultiplier" must be at least 1/,
    );
    expect(() => linearWarmup(constant(1), { warmupSteps: -1 })).toThrow(/"warmupSteps"/);
    expect(() => joinSchedules([constant(1)], [5])).toThrow(/expected 2 schedule functions/);
    expect(() => reduceOnPlateau({ initValue: 1, factor: 1 })).toThrow(
      /"factor" must be a finite number in \[0, 1\)/,
    );
    expect(() => reduceOnPlateau({ initValue: 1, mode: 'up' as 'min' })).toThrow(
      /mode must be 'min' or 'max'/,
    );
  });
});
