import type { GameEvent, PitchEvent, Score } from "./game-state";

/**
 * Key moments and excitement come from the game state, never from the commentary's words,
 * so a narrator who undersells a home run does not change the truth.
 *
 * Key moments, by priority: the final out (or a walk-off), a lead change, a go-ahead run,
 * a tying run, a home run, any other scoring play, a strikeout with a runner in scoring position.
 */
export function keyMoment(ev: GameEvent): string | null {
  if (ev.kind !== "pitch" || ev.outcome === null) return null;
  if (ev.endsGame) return ev.result === "In play - out" || ev.outcome.startsWith("strikeout") ? "final out" : "walk-off";
  const before = leader(ev.score);
  const after = leader(ev.scoreAfter);
  if (ev.runsScored > 0) {
    if (before !== "tie" && after !== "tie" && before !== after) return "lead change";
    if (before === "tie" && after !== "tie") return "go-ahead run";
    if (after === "tie") return "tying run";
    if (ev.outcome === "home_run") return "home run";
    return "scoring play";
  }
  if (ev.outcome.startsWith("strikeout") && (ev.bases[1] !== null || ev.bases[2] !== null)) return "strikeout with runners in scoring position";
  return null;
}

function leader(s: Score): "home" | "away" | "tie" {
  return s.home === s.away ? "tie" : s.home > s.away ? "home" : "away";
}

/**
 * Excitement 1–10 from leverage: late innings, a close score, runners on, two out, and what
 * the play did. A first-inning ball with nobody on is a 1 or 2; the last out of Game 7 is a 10.
 */
export function excitement(ev: GameEvent): number {
  if (ev.kind === "game_end") return 10;
  const margin = Math.abs(ev.score.home - ev.score.away);
  let x = 1.5;
  x += ev.inning >= 9 ? 2 : ev.inning >= 7 ? 1 : ev.inning >= 5 ? 0.5 : 0;
  x += margin === 0 ? 1.5 : margin === 1 ? 1.2 : margin === 2 ? 0.7 : margin === 3 ? 0.3 : 0;
  const risp = ev.bases[1] !== null || ev.bases[2] !== null;
  x += ev.bases.every((b) => b !== null) ? 1.2 : risp ? 0.8 : ev.bases[0] !== null ? 0.3 : 0;
  x += ev.outs === 2 ? 0.4 : 0;
  if (ev.kind === "pitch") x += pitchBonus(ev, risp);
  else if (ev.kind === "pitching_change") x += 0.5;
  else if (ev.kind === "inning_recap") x += Math.min(2, ev.runsInHalf * 0.7) - 0.5;
  else x -= 0.5;
  return Math.max(1, Math.min(10, Math.round(x)));
}

function pitchBonus(ev: PitchEvent, risp: boolean): number {
  if (ev.endsGame) return 10;
  const reason = keyMoment(ev);
  let b = ev.balls === 3 && ev.strikes === 2 ? 0.5 : ev.strikes === 2 ? 0.2 : 0;
  if (reason === "lead change" || reason === "go-ahead run") b += 3;
  else if (reason === "tying run") b += 2.5;
  else if (reason === "home run") b += 2.5;
  else if (reason === "scoring play") b += 1.5;
  else if (reason !== null) b += 1.5;
  else if (ev.result === "In play - hit") b += 1;
  else if (ev.outcome === "double_play") b += 1;
  else if (ev.outcome !== null) b += risp ? 0.8 : 0.4;
  return b;
}
