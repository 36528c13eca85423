import type { GameEvent } from "../game-state";
import { fieldingSide, battingSide } from "../game-state";
import type { Rng } from "../rng";
import { BALLPARK, TEAMS, batterById, pitcherById } from "../roster";
import { Paragraph } from "./paragraph";
import { batterName, inningPhrase, inningTag, outsPhrase, pitcherName, runnersPhrase, scorePhrase, surname } from "./situation";
import type { Voice } from "./voices";
import { capitalize, numberWord } from "./words";

type Ev<K extends GameEvent["kind"]> = Extract<GameEvent, { kind: K }>;

/** Inning opener: the half, who pitches, who leads off; sometimes the score. */
export function narrateInningStart(rng: Rng, voice: Voice, ev: Ev<"inning_start">): Paragraph {
  const p = new Paragraph();
  const inn = rng.chance(0.5) ? inningPhrase(rng, voice, ev.inning, ev.half) : inningTag(rng, voice, ev.inning, ev.half);
  p.merge(inn.facts);
  const bat = TEAMS[battingSide(ev.half)];
  const past = voice.tense === "past";
  p.add(rng.pick(past
    ? [`${capitalize(inn.text)} began with the ${bat.nickname} coming to bat`, `The ${bat.nickname} came up in ${inn.text}`]
    : [`We are on to ${inn.text}, the ${bat.nickname} coming up`, `Here comes ${inn.text}, and the ${bat.nickname} need base runners`, `On to ${inn.text} at ${BALLPARK}`]));
  if (rng.chance(0.75)) {
    const pn = pitcherName(rng, voice, ev.pitcherId);
    p.merge(pn.facts);
    p.add(rng.pick(past ? [`${pn.text} took the mound for the ${TEAMS[fieldingSide(ev.half)].nickname}`, `${pn.text} stayed on to pitch`] : [`${pn.text} is on the mound for the ${TEAMS[fieldingSide(ev.half)].nickname}`, `${pn.text} takes the ball`, `${pn.text} will pitch`]));
  }
  if (rng.chance(0.7)) {
    const bn = batterName(rng, voice, ev.batterId);
    p.merge(bn.facts);
    p.add(rng.pick(past ? [`${bn.text} led off`, `${bn.text} was first up`] : [`${bn.text} leads off`, `${bn.text} will lead things off`, `First up is ${bn.text}`]));
  }
  if (rng.chance(0.5)) {
    const s = scorePhrase(rng, voice, ev.score);
    p.merge(s.facts);
    p.add(capitalize(s.text));
  }
  return p;
}

/** A batter steps in: name, and maybe the situation he walks into. No pitch yet, so no count. */
export function narrateAtBatStart(rng: Rng, voice: Voice, ev: Ev<"at_bat_start">): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const bn = batterName(rng, voice, ev.batterId);
  p.merge(bn.facts);
  const b = batterById(ev.batterId);
  const hand = b.bats === "S" ? "the switch-hitter" : b.bats === "L" ? "the left-handed hitter" : "the right-handed hitter";
  const bits: string[] = [];
  if (rng.chance(0.55)) {
    const o = outsPhrase(rng, voice, ev.outs);
    p.merge(o.facts);
    bits.push(o.text);
  }
  if (rng.chance(0.5)) {
    const r = runnersPhrase(rng, ev.bases);
    p.merge(r.facts);
    bits.push(r.text);
  }
  const with_ = bits.length > 0 ? ` with ${bits.join(" and ")}` : "";
  p.add(rng.pick(past
    ? [`${bn.text} stepped in${with_}`, `${bn.text}, ${hand}, came to the plate${with_}`]
    : [`Now batting, ${bn.text}${with_}`, `Here is ${bn.text}, ${hand}${with_}`, `${bn.text} digs in${with_}`, `Up steps ${bn.text}${with_}`,
      `${bn.text} makes his way to the plate${with_}`, `Next up for the ${TEAMS[battingSide(ev.half)].nickname}, ${bn.text}${with_}`]));
  if (rng.chance(0.45)) {
    const pn = pitcherName(rng, voice, ev.pitcherId);
    p.merge(pn.facts);
    p.add(rng.pick([`${pn.text} ${past ? "looked" : "looks"} in for the sign`, ev.bases.some((b) => b !== null) ? (past ? `${pn.text} checked the runners and got set` : `${pn.text} checks the runners and gets set`) : past ? `${pn.text} went into his windup` : `${pn.text} goes into the windup`, `He ${past ? "faced" : "faces"} ${pn.text}`]));
  }
  if (rng.chance(0.35)) {
    const i = inningPhrase(rng, voice, ev.inning, ev.half);
    p.merge(i.facts);
    p.add(past ? `It was ${i.text}` : rng.pick([`This is ${i.text}`, `We are in ${i.text}`]));
  }
  if (rng.chance(0.3)) {
    const s = scorePhrase(rng, voice, ev.score);
    p.merge(s.facts);
    p.add(capitalize(s.text));
  }
  return p;
}

/** A new pitcher: the truth's pitcher is the one coming in; the one leaving is named by surname. */
export function narratePitchingChange(rng: Rng, voice: Voice, ev: Ev<"pitching_change">): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const team = TEAMS[fieldingSide(ev.half)];
  const old = surname(pitcherById(ev.oldPitcherId).name);
  const pn = pitcherName(rng, voice, ev.pitcherId);
  p.merge(pn.facts);
  const arm = pitcherById(ev.pitcherId).throws === "R" ? "right-hander" : "left-hander";
  p.add(rng.pick(past
    ? [`${team.manager} went to the bullpen, and ${old}'s night was over`, `The ${team.nickname} made a pitching change, lifting ${old}`]
    : [`${team.manager} is out of the dugout, and that will be all for ${old}`, `There is a pitching change for the ${team.nickname}, ${old} is done for the night`, `${old} hands the ball over, his work finished`]));
  p.add(rng.pick(past
    ? [`${pn.text}, a ${arm}, came on in relief`, `In came ${pn.text} from the bullpen`]
    : [`Coming in is the ${arm} ${pn.text}`, `${pn.text} jogs in from the bullpen`, `The call goes to ${pn.text}`]));
  if (rng.chance(0.5)) {
    const i = inningPhrase(rng, voice, ev.inning, ev.half);
    const o = outsPhrase(rng, voice, ev.outs);
    p.merge(i.facts).merge(o.facts);
    p.add(`It is ${i.text}, ${o.text}`);
  }
  if (rng.chance(0.4)) {
    const r = runnersPhrase(rng, ev.bases);
    p.merge(r.facts);
    p.add(ev.bases.some((b) => b !== null) ? `He inherits ${r.text}` : `He starts with ${r.text}`);
  }
  if (rng.chance(0.35)) {
    const s = scorePhrase(rng, voice, ev.score);
    p.merge(s.facts);
    p.add(capitalize(s.text));
  }
  return p;
}

/** A trip to the mound: who visits is not in the truth, the pitcher is. */
export function narrateMoundVisit(rng: Rng, voice: Voice, ev: Ev<"mound_visit">): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const team = TEAMS[fieldingSide(ev.half)];
  const who = ev.visitor === "catcher" ? "the catcher" : ev.visitor === "coach" ? "the pitching coach" : `manager ${team.manager}`;
  const pn = rng.chance(0.8) ? pitcherName(rng, voice, ev.pitcherId) : null;
  if (pn) p.merge(pn.facts);
  const target = pn ? pn.text : "his pitcher";
  p.add(rng.pick(past
    ? [`${capitalize(who)} walked out to talk with ${target}`, `Time was called, and ${who} visited ${target}`]
    : [`Time out, and ${who} heads out to talk with ${target}`, `${capitalize(who)} makes a trip to the mound to settle ${target} down`, `Here comes ${who} for a word with ${target}`]));
  const o = outsPhrase(rng, voice, ev.outs);
  const r = runnersPhrase(rng, ev.bases);
  if (rng.chance(0.7)) {
    p.merge(o.facts).merge(r.facts);
    p.add(`${capitalize(o.text)}, ${r.text}`);
  }
  if (rng.chance(0.5)) {
    const bn = batterName(rng, voice, ev.batterId);
    p.merge(bn.facts);
    p.add(past ? `${bn.text} waited outside the box` : `${bn.text} waits just outside the box`);
  }
  if (rng.chance(0.35)) {
    const s = scorePhrase(rng, voice, ev.score);
    p.merge(s.facts);
    p.add(capitalize(s.text));
  }
  return p;
}

/** A pinch hitter: the truth's batter is the one coming in. */
export function narrateLineupChange(rng: Rng, voice: Voice, ev: Ev<"lineup_change">): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const team = TEAMS[battingSide(ev.half)];
  const replaced = surname(batterById(ev.replacedId).name);
  const bn = batterName(rng, voice, ev.batterId);
  p.merge(bn.facts);
  p.add(rng.pick(past
    ? [`${team.manager} sent ${bn.text} up to pinch-hit for ${replaced}`, `${bn.text} pinch-hit for ${replaced}`]
    : [`A lineup change for the ${team.nickname}: ${bn.text} will pinch-hit for ${replaced}`, `${team.manager} goes to ${team.side === "home" ? "her" : "his"} bench, and it is ${bn.text} batting for ${replaced}`, `Pinch-hitting for ${replaced}, ${bn.text}`]));
  if (rng.chance(0.6)) {
    const i = inningPhrase(rng, voice, ev.inning, ev.half);
    p.merge(i.facts);
    p.add(`A big spot in ${i.text}`);
  }
  if (rng.chance(0.5)) {
    const o = outsPhrase(rng, voice, ev.outs);
    const r = runnersPhrase(rng, ev.bases);
    p.merge(o.facts).merge(r.facts);
    p.add(`${capitalize(o.text)}, ${r.text}`);
  }
  return p;
}

/** End of a half-inning: inning, half and the score as it now stands. */
export function narrateRecap(rng: Rng, voice: Voice, ev: Ev<"inning_recap">): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const inn = inningPhrase(rng, voice, ev.inning, ev.half);
  p.merge(inn.facts);
  const runs = ev.runsInHalf === 0 ? "no runs" : ev.runsInHalf === 1 ? "one run" : `${numberWord(ev.runsInHalf)} runs`;
  const hits = ev.hitsInHalf === 0 ? "no hits" : ev.hitsInHalf === 1 ? "one hit" : `${numberWord(ev.hitsInHalf)} hits`;
  const lob = ev.leftOnBase === 0 ? "nobody left on" : `${numberWord(ev.leftOnBase)} left on base`;
  p.add(rng.pick(past
    ? [`${capitalize(inn.text)} ended with ${runs} on ${hits}`, `${capitalize(inn.text)} produced ${runs} and ${hits}, ${lob}`]
    : [`That will end ${inn.text}: ${runs}, ${hits}, ${lob}`, `And we are through ${inn.text}, ${runs} on ${hits}`, `In the books goes ${inn.text}, ${runs}, ${hits}, ${lob}`]));
  if (rng.chance(0.85)) {
    const s = scorePhrase(rng, voice, ev.score);
    p.merge(s.facts);
    p.add(rng.pick([`${capitalize(s.text)} ${past ? "after the inning" : "as we head to the break"}`, `Score check: ${s.text}`, capitalize(s.text)]));
  }
  return p;
}

/** The end of the game: final score and the inning it ended in. */
export function narrateGameEnd(rng: Rng, voice: Voice, ev: Ev<"game_end">): Paragraph {
  const p = new Paragraph();
  const win = TEAMS[ev.winner];
  const inn = inningPhrase(rng, voice, ev.inning, ev.half);
  p.merge(inn.facts);
  p.merge({ score_home: ev.score.home, score_away: ev.score.away });
  const loser = TEAMS[ev.winner === "home" ? "away" : "home"];
  const hi = Math.max(ev.score.home, ev.score.away);
  const lo = Math.min(ev.score.home, ev.score.away);
  p.add(`The ${win.name} are champions of the world, beating the ${loser.nickname} ${hi}-${lo} in Game 7`);
  p.add(`It ended in ${inn.text}, after ${numberWord(ev.inning)} innings nobody at ${BALLPARK} will forget`);
  return p;
}
