import type { PitchEvent } from "../game-state";
import type { Rng } from "../rng";
import { numberWord } from "./words";

/** One way to say what happened: [present, past], with the batter as subject. */
type Said = [string, string];

const pick = (rng: Rng, options: Said[], past: boolean) => rng.pick(options)[past ? 1 : 0];

function fielderText(f: string | null): string {
  if (!f) return "the infield";
  if (["left", "center", "right"].includes(f)) return `${f} field`;
  return f;
}

/**
 * The batter's side of the pitch, for "… and <subject> <clause>". Numbered calls ("ball
 * three", "strike two") only appear when the count is in the paragraph too.
 */
export function resultClause(rng: Rng, ev: PitchEvent, past: boolean, countStated: boolean): string {
  const f = fielderText(ev.fielder);
  switch (ev.outcome) {
    case "walk":
      return pick(rng, [["takes ball four and draws the walk", "took ball four for a walk"], ["lays off ball four, and he will take his base", "laid off ball four and walked"], ["watches ball four go by for a walk", "watched ball four sail by for a walk"]], past);
    case "strikeout_looking":
      return pick(rng, [["is caught looking at strike three", "was caught looking at strike three"], ["takes it for a called strike three", "took a called strike three"], ["watches strike three on the corner", "watched a called third strike"]], past);
    case "strikeout_swinging":
      return pick(rng, [["swings through it for strike three", "swung through it for strike three"], ["chases and misses for the strikeout", "chased and missed for the strikeout"], ["whiffs, strike three", "whiffed for strike three"]], past);
    case "hit_by_pitch":
      return pick(rng, [["is hit by the pitch and heads to first", "was hit by the pitch"], ["gets plunked on the elbow guard", "got plunked on the elbow guard"], ["takes one off the hip, hit by pitch", "took one off the hip, hit by pitch"]], past);
    case "single":
      return pick(rng, [[`lines a single to ${f}`, `lined a single to ${f}`], [`bloops a base hit into ${f}`, `blooped a base hit into ${f}`], [`grounds a single through to ${f}`, `grounded a single through to ${f}`]], past);
    case "double":
      return pick(rng, [[`rips a double into the gap in ${f}`, `ripped a double into the gap in ${f}`], [`drives one off the wall in ${f} for a double`, `drove one off the wall in ${f} for a double`]], past);
    case "triple":
      return pick(rng, [[`triples into the corner in ${f}`, `tripled into the corner in ${f}`], [`legs out a triple to ${f}`, `legged out a triple to ${f}`]], past);
    case "home_run":
      return pick(rng, [[`hits it deep to ${f}, and it is gone, a home run`, `homered deep to ${f}`], [`launches a home run over the wall in ${f}`, `launched a home run over the wall in ${f}`], [`crushes it, a home run to ${f}`, `crushed a home run to ${f}`]], past);
    case "groundout":
      return pick(rng, [[`grounds out to ${f}`, `grounded out to ${f}`], [`bounces one to ${f} and is thrown out`, `bounced out to ${f}`], [`rolls it over to ${f} for the out`, `rolled out to ${f}`]], past);
    case "double_play":
      return pick(rng, [[`grounds into a double play, started by ${f}`, `grounded into a double play started by ${f}`], [`hits it on the ground to ${f}, and they turn two`, `hit into an inning-shortening double play through ${f}`]], past);
    case "flyout":
      return pick(rng, [[`flies out to ${f}`, `flied out to ${f}`], [`lifts a fly ball, caught in ${f}`, `lifted a catchable fly to ${f}`]], past);
    case "sac_fly":
      return pick(rng, [[`lifts a sacrifice fly to ${f}`, `hit a sacrifice fly to ${f}`], [`flies deep enough to ${f} for the sacrifice fly`, `flied to ${f}, deep enough for a sacrifice fly`]], past);
    case "lineout":
      return pick(rng, [[`lines out sharply to ${f}`, `lined out to ${f}`], [`smokes a liner right at ${f} for an out`, `hit a liner right at ${f} for an out`]], past);
    case "popout":
      return pick(rng, [[`pops out to ${f}`, `popped out to ${f}`], [`skies a popup, caught by ${f}`, `popped up to ${f}`]], past);
    default:
      break;
  }
  const nth = (n: number) => numberWord(n);
  switch (ev.result) {
    case "Ball":
      return countStated && rng.chance(0.5)
        ? pick(rng, [[`takes ball ${nth(ev.balls + 1)}`, `took ball ${nth(ev.balls + 1)}`]], past)
        : pick(rng, [["takes it low for a ball", "took it low for a ball"], ["lays off, ball, just outside", "laid off it for a ball"], ["watches it miss high, ball", "watched it miss high for a ball"], ["holds up on a pitch in the dirt, ball", "held up on a pitch in the dirt for a ball"]], past);
    case "Strike":
      return countStated && rng.chance(0.4)
        ? pick(rng, [[`takes strike ${nth(ev.strikes + 1)} on the corner`, `took a called strike ${nth(ev.strikes + 1)}`]], past)
        : pick(rng, [["takes it for a called strike", "took it for a called strike"], ["watches it catch the corner, called strike", "watched it catch the corner for a called strike"], ["lets it go, and the umpire calls a strike", "let it go for a called strike"]], past);
    case "Swing and miss":
      return pick(rng, [["swings and misses", "swung and missed"], ["swings right through it", "swung right through it"], ["chases it and comes up empty, swinging strike", "chased it for a swinging strike"], ["whiffs", "whiffed"]], past);
    case "Foul":
      return pick(rng, [["fouls it back", "fouled it back"], ["fights it off, foul", "fought it off foul"], ["slices it foul down the line", "sliced it foul down the line"], ["tips it foul into the screen", "fouled it into the screen"], ["spoils it with a foul", "spoiled it with a foul ball"]], past);
    default:
      return past ? "put it in play" : "puts it in play";
  }
}

/** What follows a ball in play or a walk: who scored, whether the inning or the game is over. States no count, outs or score. */
export function aftermath(rng: Rng, ev: PitchEvent, names: (id: number) => string, past: boolean): string[] {
  const out: string[] = [];
  const n = ev.scorers.length;
  if (n > 0 && ev.outcome !== "home_run") {
    if (n === 1 && rng.chance(0.6)) out.push(`${names(ev.scorers[0]!)} ${past ? "scored" : "comes around to score"}`);
    else out.push(n === 1 ? (past ? "a run scored" : "a run scores") : `${numberWord(n)} runs ${past ? "scored" : "come in"}`);
  }
  if (ev.outcome === "home_run") {
    out.push(n === 1 ? rng.pick(["a solo shot", "a solo home run", "just the one run, but what a swing"]) : n === 4 ? "a grand slam" : `a ${numberWord(n)}-run homer`);
  }
  if (ev.endsGame) {
    out.push(ev.result === "In play - out" || ev.outcome?.startsWith("strikeout")
      ? rng.pick(["and that is the final out of the World Series", "and that will do it, the Series is over", "and the last out is recorded"])
      : rng.pick(["and that is a walk-off, the World Series is over", "and they win it on a walk-off", "and the home dugout empties onto the field"]));
  } else if (ev.endsHalf) {
    out.push(rng.pick([past ? "that ended the inning" : "and that ends the inning", past ? "the side was retired" : "that retires the side", "and they are out of it"]));
  }
  return out;
}
