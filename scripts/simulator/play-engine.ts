import type { InningHalf } from "../../src/domain";
import { advanceRunners } from "./base-running";
import { battingSide, copySituation, fieldingSide, type Bases, type GameEvent, type Outcome, type PitchEvent, type Score, type Situation } from "./game-state";
import { choosePinchHitter, choosePitchingChange, chooseMoundVisit, newDugout, type Dugout } from "./manager";
import { ballInPlay, choosePitch, fatigue, pitchResult } from "./pitch-model";
import type { Rng } from "./rng";
import { batterById, pitcherById, startingLineup, type Side } from "./roster";

/** A whole game as a list of events, in the order a broadcast would describe them. */
export interface SimulatedGame {
  events: GameEvent[];
  final: Score;
  innings: number;
  winner: Side;
}

/** Innings after which a game still tied is called off: a safety net, never reached in practice. */
const MAX_INNINGS = 25;

/**
 * Play one game with the given random stream. The rules: three outs end a half-inning;
 * a tie after nine continues (no automatic runner, as in the postseason); the bottom of
 * the ninth or later is skipped when the home side already leads, and ends the moment it leads.
 */
export function simulateGame(rng: Rng): SimulatedGame {
  const events: GameEvent[] = [];
  const dugouts: Record<Side, Dugout> = { home: newDugout("home", startingLineup("home")), away: newDugout("away", startingLineup("away")) };
  const slot: Record<Side, number> = { home: 0, away: 0 };
  const score: Score = { home: 0, away: 0 };
  let paNumber = 0;
  let inning = 1;
  for (; inning <= MAX_INNINGS; inning++) {
    for (const half of ["Top", "Bottom"] as InningHalf[]) {
      if (half === "Bottom" && inning >= 9 && score.home > score.away) return finish(events, score, inning, "Top");
      const bat = battingSide(half);
      const field = dugouts[fieldingSide(half)];
      const situation = (outs: number, bases: Bases): Situation => ({
        inning, half, outs, bases: [...bases] as Bases, score: { ...score }, pitcherId: field.pitcherId, batterId: dugouts[bat].lineup[slot[bat]]!,
      });
      let outs = 0;
      let bases: Bases = [null, null, null];
      let runsInHalf = 0;
      let hitsInHalf = 0;
      changePitcherIfNeeded(rng, field, inning, true, score, events, situation(0, bases));
      events.push({ ...situation(0, bases), kind: "inning_start" });
      while (outs < 3) {
        const ph = choosePinchHitter(rng, dugouts[bat], slot[bat], inning, score);
        if (ph) {
          const replacedId = dugouts[bat].lineup[slot[bat]]!;
          dugouts[bat].lineup[slot[bat]] = ph.id;
          events.push({ ...situation(outs, bases), kind: "lineup_change", replacedId, position: batterById(replacedId).position });
        }
        if (outs > 0 || bases.some((b) => b !== null)) changePitcherIfNeeded(rng, field, inning, false, score, events, situation(outs, bases));
        const visitor = chooseMoundVisit(rng, field, bases[1] !== null || bases[2] !== null, half);
        if (visitor) events.push({ ...situation(outs, bases), kind: "mound_visit", visitor });
        paNumber++;
        events.push({ ...situation(outs, bases), kind: "at_bat_start", paNumber });
        const pitches = playPlateAppearance(rng, field, situation(outs, bases), inning, half);
        const last = pitches[pitches.length - 1]!;
        events.push(...pitches);
        const runs = last.scorers.length;
        if (half === "Top") score.away += runs;
        else score.home += runs;
        field.runsAllowed.set(field.pitcherId, (field.runsAllowed.get(field.pitcherId) ?? 0) + runs);
        field.outsRecorded += last.outsAfter - outs;
        runsInHalf += runs;
        if (last.result === "In play - hit") hitsInHalf++;
        outs = last.outsAfter;
        bases = nextBases.get(last)!;
        slot[bat] = (slot[bat] + 1) % 9;
        if (last.endsGame) return finish(events, score, inning, half);
      }
      if (half === "Bottom" && inning >= 9 && score.home !== score.away) return finish(events, score, inning, half);
      if (half === "Top" && inning >= 9 && score.home > score.away) return finish(events, score, inning, half);
      const leftOnBase = bases.filter((b) => b !== null).length;
      events.push({ ...situation(3, [null, null, null]), kind: "inning_recap", runsInHalf, hitsInHalf, leftOnBase });
    }
  }
  return finish(events, score, inning - 1, "Bottom");
}

/** Bases after each final pitch, kept aside so the event itself only carries what a narrator sees. */
const nextBases = new WeakMap<PitchEvent, Bases>();

function finish(events: GameEvent[], score: Score, inning: number, half: InningHalf): SimulatedGame {
  const winner: Side = score.home > score.away ? "home" : "away";
  const last = events[events.length - 1] as PitchEvent;
  events.push({ ...copySituation(last), outs: last.outsAfter, score: { ...score }, kind: "game_end", winner, inning, half });
  return { events, final: { ...score }, innings: inning, winner };
}

function changePitcherIfNeeded(rng: Rng, d: Dugout, inning: number, atHalfStart: boolean, score: Score, events: GameEvent[], s: Situation): void {
  const next = choosePitchingChange(rng, d, pitcherById(d.pitcherId), inning, atHalfStart, score);
  if (!next) return;
  const oldPitcherId = d.pitcherId;
  d.pitcherId = next.id;
  d.used.add(next.id);
  d.pitchCounts.set(next.id, 0);
  d.runsAllowed.set(next.id, 0);
  d.outsRecorded = 0;
  d.visitsThisPitcher = 0;
  events.push({ ...s, pitcherId: next.id, kind: "pitching_change", oldPitcherId });
}

function playPlateAppearance(rng: Rng, d: Dugout, s: Situation, inning: number, half: InningHalf): PitchEvent[] {
  const pitcher = pitcherById(d.pitcherId);
  const batter = batterById(s.batterId);
  const out: PitchEvent[] = [];
  let balls = 0;
  let strikes = 0;
  for (;;) {
    const count = (d.pitchCounts.get(pitcher.id) ?? 0) + 1;
    d.pitchCounts.set(pitcher.id, count);
    const tired = fatigue(pitcher, count);
    const { code, mph } = choosePitch(rng, pitcher, balls, strikes, tired);
    const result = pitchResult(rng, balls, strikes, tired);
    let outcome: Outcome | null = null;
    let fielder: string | null = null;
    if (result === "Ball" && balls === 3) outcome = "walk";
    else if (result === "Strike" && strikes === 2) outcome = "strikeout_looking";
    else if (result === "Swing and miss" && strikes === 2) outcome = "strikeout_swinging";
    else if (result === "Hit by pitch") outcome = "hit_by_pitch";
    else if (result === "In play - hit" || result === "In play - out") {
      const bip = ballInPlay(rng, batter, result === "In play - hit", s.bases[0] !== null, s.bases[2] !== null, s.outs);
      outcome = bip.outcome;
      fielder = bip.fielder;
    }
    const base: PitchEvent = {
      ...copySituation(s), kind: "pitch", balls, strikes, code, mph, result, outcome, fielder,
      runsScored: 0, scorers: [], outsAfter: s.outs, scoreAfter: { ...s.score }, endsHalf: false, endsGame: false, pitchCount: count,
    };
    if (outcome === null) {
      out.push(base);
      if (result === "Ball") balls++;
      else if (result === "Strike" || result === "Swing and miss" || strikes < 2) strikes++;
      continue;
    }
    const run = advanceRunners(rng, outcome, s.bases, s.outs, batter.id);
    const outsAfter = s.outs + run.outsAdded;
    let scorers = outsAfter >= 3 ? [] : run.scorers;
    const battingHome = half === "Bottom";
    // A walk-off: only the runs needed to win count, unless the ball left the park.
    if (battingHome && inning >= 9 && outcome !== "home_run" && s.score.home + scorers.length > s.score.away) {
      scorers = scorers.slice(0, s.score.away - s.score.home + 1);
    }
    const scoreAfter = battingHome ? { home: s.score.home + scorers.length, away: s.score.away } : { home: s.score.home, away: s.score.away + scorers.length };
    const endsGame = (battingHome && inning >= 9 && scoreAfter.home > scoreAfter.away) ||
      (outsAfter >= 3 && inning >= 9 && (battingHome ? scoreAfter.home !== scoreAfter.away : scoreAfter.home > scoreAfter.away));
    const last: PitchEvent = { ...base, runsScored: scorers.length, scorers, outsAfter: Math.min(outsAfter, 3), scoreAfter, endsHalf: outsAfter >= 3 || endsGame, endsGame };
    nextBases.set(last, run.bases);
    out.push(last);
    return out;
  }
}
