import type { PitchResult, PitchTypeCode } from "../../src/domain";
import type { Outcome } from "./game-state";
import type { Rng } from "./rng";
import type { BatterSpec, PitcherSpec } from "./roster";

/** How tired a pitcher is: 0 fresh, rising past his stamina. */
export function fatigue(pitcher: PitcherSpec, pitchCount: number): number {
  return Math.max(0, (pitchCount - pitcher.stamina * 0.8) / pitcher.stamina);
}

/** Pick a pitch from his arsenal: ahead in the count he leans on breaking balls, behind on the fastball. */
export function choosePitch(rng: Rng, pitcher: PitcherSpec, balls: number, strikes: number, tired: number): { code: PitchTypeCode; mph: number } {
  const fastballs: PitchTypeCode[] = ["FF", "SI", "FC"];
  const options = pitcher.arsenal.map((spec) => {
    const hard = fastballs.includes(spec.code);
    let w = spec.weight;
    if (balls >= 2 && balls > strikes) w *= hard ? 1.5 : 0.7;
    if (strikes === 2 && balls < 3) w *= hard ? 0.75 : 1.35;
    return [spec, w] as const;
  });
  const spec = rng.weighted(options);
  const mph = Math.round((spec.mph + rng.noise(2.2) - tired * 2.5) * 10) / 10;
  return { code: spec.code, mph };
}

/** The result of one pitch, from the count and how tired the pitcher is. */
export function pitchResult(rng: Rng, balls: number, strikes: number, tired: number): PitchResult {
  let ball = 0.37 + tired * 0.08;
  let called = balls === 0 && strikes === 0 ? 0.2 : 0.14;
  let whiff = strikes === 2 ? 0.12 : 0.105;
  let foul = strikes === 2 ? 0.29 : 0.22;
  let inPlay = 0.155 + tired * 0.04;
  if (balls === 3) {
    ball -= 0.09;
    called += 0.05;
    inPlay += 0.04;
  }
  if (strikes === 2) {
    called -= 0.06;
    ball -= 0.03;
  }
  return rng.weighted<PitchResult>([
    ["Ball", ball],
    ["Strike", called],
    ["Swing and miss", whiff],
    ["Foul", foul],
    ["In play - out", inPlay * (1 - hitShare(tired))],
    ["In play - hit", inPlay * hitShare(tired)],
    ["Hit by pitch", 0.009],
  ]);
}

function hitShare(tired: number): number {
  return 0.33 + tired * 0.1;
}

const GROUND_FIELDERS = ["short", "second", "third", "first", "the pitcher"];
const AIR_FIELDERS = ["left", "center", "right"];
const INFIELD = ["short", "second", "third", "first", "the catcher"];

/** What a ball in play turns into, given the batter and who is on base. */
export function ballInPlay(
  rng: Rng,
  batter: BatterSpec,
  hit: boolean,
  runnerOnFirst: boolean,
  runnerOnThird: boolean,
  outs: number,
): { outcome: Outcome; fielder: string } {
  if (hit) {
    const outcome = rng.weighted<Outcome>([
      ["home_run", 0.05 + batter.power * 0.13],
      ["triple", 0.02],
      ["double", 0.14 + batter.power * 0.1],
      ["single", 0.62 + batter.contact * 0.1],
    ]);
    return { outcome, fielder: rng.pick(outcome === "single" ? ["left", "center", "right"] : AIR_FIELDERS) };
  }
  const kind = rng.weighted<Outcome>([["groundout", 0.46], ["flyout", 0.3], ["lineout", 0.12], ["popout", 0.12]]);
  if (kind === "groundout") {
    const fielder = rng.pick(GROUND_FIELDERS);
    if (runnerOnFirst && outs < 2 && rng.chance(0.45)) return { outcome: "double_play", fielder };
    return { outcome: kind, fielder };
  }
  if (kind === "flyout") {
    const fielder = rng.pick(AIR_FIELDERS);
    if (runnerOnThird && outs < 2 && rng.chance(0.6)) return { outcome: "sac_fly", fielder };
    return { outcome: kind, fielder };
  }
  return { outcome: kind, fielder: rng.pick(kind === "popout" ? INFIELD : [...AIR_FIELDERS, ...GROUND_FIELDERS.slice(0, 3)]) };
}
