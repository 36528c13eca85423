import type { InningHalf } from "../../../src/domain";
import type { Bases, Score } from "../game-state";
import { runnersString } from "../game-state";
import type { Rng } from "../rng";
import { TEAMS, batterById, pitcherById } from "../roster";
import { phrase, type Phrase } from "./paragraph";
import type { Voice } from "./voices";
import { numberWord, ordinalDigits, ordinalWord } from "./words";

/** "Arreola" or "Tomás Arreola"; the truth keeps the form written. */
export function pitcherName(rng: Rng, voice: Voice, id: number): Phrase {
  const full = pitcherById(id).name;
  const text = rng.chance(voice.fullName) ? full : surname(full);
  return phrase(text, { pitcher_name: text });
}

export function batterName(rng: Rng, voice: Voice, id: number): Phrase {
  const full = batterById(id).name;
  const text = rng.chance(voice.fullName) ? full : surname(full);
  return phrase(text, { batter_name: text });
}

export function surname(full: string): string {
  return full.slice(full.indexOf(" ") + 1);
}

/** A pitcher not named: "the right-hander", "the lefty". States nothing. */
export function pitcherPronoun(rng: Rng, id: number): string {
  return pitcherById(id).throws === "R" ? rng.pick(["the right-hander", "the righty", "the pitcher"]) : rng.pick(["the left-hander", "the lefty", "the southpaw"]);
}

export function batterPronoun(rng: Rng): string {
  return rng.pick(["the hitter", "the batter", "him"]);
}

function inningOrdinal(rng: Rng, voice: Voice, n: number): string {
  return rng.chance(voice.numberWords) && n <= 20 ? ordinalWord(n) : ordinalDigits(n);
}

/** "the top of the 7th", "the home half of the ninth", "the 11th" (no half stated). */
export function inningPhrase(rng: Rng, voice: Voice, inning: number, half: InningHalf): Phrase {
  const ord = inningOrdinal(rng, voice, inning);
  const h = half.toLowerCase();
  const both = { inning_number: inning, inning_half: half };
  return rng.weighted<Phrase>([
    [phrase(`the ${h} of the ${ord}`, both), 5],
    [phrase(`the ${h} half of the ${ord}`, both), 2],
    [phrase(`the ${half === "Top" ? "visitors'" : "home"} half of the ${ord}`, both), 1.5],
    [phrase(`the ${ord} inning`, { inning_number: inning }), 1],
  ]);
}

/** A short tag for the start of a sentence: "Top 7", "Bottom of the ninth". */
export function inningTag(rng: Rng, voice: Voice, inning: number, half: InningHalf): Phrase {
  const both = { inning_number: inning, inning_half: half };
  return rng.chance(0.5) ? phrase(`${half} ${inning}`, both) : phrase(`${half} of the ${inningOrdinal(rng, voice, inning)}`, both);
}

export function outsPhrase(rng: Rng, voice: Voice, outs: number): Phrase {
  const w = rng.chance(voice.numberWords) || outs === 0 ? "word" : "digit";
  const options = outs === 0
    ? ["nobody out", "no outs", "none out", "nobody out"]
    : outs === 1
      ? w === "word" ? ["one out", "one away", "one down"] : ["1 out"]
      : w === "word" ? ["two outs", "two away", "two down", "two out"] : ["2 outs"];
  return phrase(rng.pick(options), { outs });
}

export function runnersPhrase(rng: Rng, bases: Bases): Phrase {
  const key = runnersString(bases);
  const options: Record<string, string[]> = {
    None: ["the bases empty", "nobody on", "no one on base", "the bases clear"],
    "1B": ["a runner at first", "a man on first", "a runner on first base"],
    "2B": ["a runner at second", "a man on second", "a runner in scoring position at second"],
    "3B": ["a runner at third", "a man on third", "a runner ninety feet away at third"],
    "1B,2B": ["runners at first and second", "men on first and second", "runners on first and second"],
    "1B,3B": ["runners at the corners", "runners on first and third", "men on the corners"],
    "2B,3B": ["runners at second and third", "two runners in scoring position, at second and third", "men on second and third"],
    "1B,2B,3B": ["the bases loaded", "the bases juiced", "every base occupied", "the sacks full"],
  };
  return phrase(rng.pick(options[key]!), { runners_on_base: key });
}

const plural = (side: "home" | "away") => `the ${TEAMS[side].nickname}`;
const city = (side: "home" | "away") => TEAMS[side].city;

/**
 * The score in one of many forms. Forms that give only the margin ("up by one") state nothing:
 * a careful reader cannot recover both numbers from them.
 */
export function scorePhrase(rng: Rng, voice: Voice, score: Score): Phrase {
  const both = { score_home: score.home, score_away: score.away };
  const n = (x: number) => (rng.chance(voice.numberWords) ? numberWord(x) : String(x));
  if (score.home === score.away) {
    if (score.home === 0) return phrase(rng.pick(["a scoreless game", "no score yet", "nothing across for either side"]), both);
    const x = n(score.home);
    return phrase(rng.pick([`the game tied at ${x}`, `all square at ${x}`, `the score knotted at ${x} apiece`, `a ${score.home}-${score.home} tie`, `tied ${score.home}-${score.home}`]), both);
  }
  const leader = score.home > score.away ? "home" : "away";
  const trailer = leader === "home" ? "away" : "home";
  const hi = Math.max(score.home, score.away);
  const lo = Math.min(score.home, score.away);
  const margin = hi - lo;
  if (rng.chance(0.12)) {
    const m = margin === 1 ? "one" : numberWord(margin);
    return phrase(rng.pick([`${plural(leader)} up by ${m}`, `${city(leader)} nursing a ${m}-run lead`, `the ${leader === "home" ? "home side" : "visitors"} ahead by ${m}`]));
  }
  return phrase(rng.pick([
    `${plural(leader)} leading ${hi}-${lo}`,
    `${city(leader)} up ${hi}-${lo}`,
    `${plural(trailer)} trailing ${hi}-${lo}`,
    `${plural(leader)} ahead ${n(hi)} to ${n(lo)}`,
    `${TEAMS[leader].nickname} ${hi}, ${TEAMS[trailer].nickname} ${lo}`,
    `the ${leader === "home" ? "home team" : "visitors"} in front ${hi}-${lo}`,
    `${city(trailer)} down ${hi}-${lo}`,
  ]), both);
}
