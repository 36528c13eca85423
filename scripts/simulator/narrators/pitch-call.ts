import type { PitchEvent } from "../game-state";
import type { Rng } from "../rng";
import { batterById } from "../roster";
import { Paragraph, type Phrase } from "./paragraph";
import { countAfter, countWords, pitchDescriptor, type CountWords } from "./pitch-words";
import { aftermath, resultClause } from "./results";
import { batterName, batterPronoun, inningPhrase, inningTag, outsPhrase, pitcherName, pitcherPronoun, runnersPhrase, scorePhrase, surname } from "./situation";
import type { Voice } from "./voices";
import { capitalize } from "./words";

const DELIVER_PRESENT = ["deals", "fires", "delivers", "throws", "comes with", "goes with", "snaps off", "offers"];
const DELIVER_PAST = ["threw", "delivered", "fired", "went with", "came with", "offered"];

/**
 * One pitch as a paragraph. The situation (inning, outs, runners, score) is the one before
 * the pitch and is said before the call; what follows the call never restates a number.
 */
export function narratePitch(rng: Rng, voice: Voice, ev: PitchEvent): Paragraph {
  const p = new Paragraph();
  const past = voice.tense === "past";
  const endsPa = ev.outcome !== null;
  const mustCount = ev.outcome === "walk" || ev.outcome === "strikeout_looking" || ev.outcome === "strikeout_swinging";
  const say = voice.say;
  const sayCount = mustCount || rng.chance(say.count);
  const sayPitcher = rng.chance(say.pitcher);
  const sayBatter = rng.chance(say.batter);

  const scene: Phrase[] = [];
  if (rng.chance(say.outs)) scene.push(outsPhrase(rng, voice, ev.outs));
  if (rng.chance(say.runners)) scene.push(runnersPhrase(rng, ev.bases));
  const inning = rng.chance(say.inning) ? (rng.chance(0.5) ? inningTag(rng, voice, ev.inning, ev.half) : inningPhrase(rng, voice, ev.inning, ev.half)) : null;
  const score = rng.chance(say.score) ? scorePhrase(rng, voice, ev.score) : null;
  for (const x of [...scene, ...(inning ? [inning] : []), ...(score ? [score] : [])]) p.merge(x.facts);

  // Situation first, in one of three shapes.
  let lead = "";
  const signature = rng.chance(0.4);
  const shape = signature ? 1 : rng.int(3);
  if (shape === 0 && scene.length > 0) {
    lead = `With ${scene.map((x) => x.text).join(" and ")}${inning && !/^(Top|Bottom) /.test(inning.text) ? ` in ${inning.text}` : ""}, `;
    if (inning && /^(Top|Bottom) /.test(inning.text)) p.add(inning.text);
  } else {
    const bits = [...(inning ? [capitalize(inning.text)] : []), ...scene.map((x) => x.text)];
    if (bits.length > 0) p.add(bits.join(", "));
  }
  if (score) p.add(capitalize(score.text));

  const pitcher = sayPitcher ? pitcherName(rng, voice, ev.pitcherId) : null;
  const batter = sayBatter ? batterName(rng, voice, ev.batterId) : null;
  if (pitcher) p.merge(pitcher.facts);
  if (batter) p.merge(batter.facts);
  const count = sayCount ? countWords(rng, voice, ev.balls, ev.strikes) : null;
  if (count) p.merge(count.facts);
  const desc = pitchDescriptor(rng, voice, ev.code, ev.mph, rng.chance(say.type), rng.chance(say.velo));
  p.merge(desc.facts);
  p.state("pitch_result", ev.result);

  const pName = pitcher ? pitcher.text : pitcherPronoun(rng, ev.pitcherId);
  const verb = rng.pick(past ? DELIVER_PAST : DELIVER_PRESENT);
  const result = resultClause(rng, ev, past, sayCount);
  const frame = signature ? 4 : rng.int(4);
  let call: string;
  if (frame === 4) {
    call = signatureCall(rng, voice, pName, batter?.text ?? null, desc.text, count, result);
  } else if (frame === 0 || !batter) {
    const subject = batter ? "he" : batterPronoun(rng) === "him" ? "the hitter" : "the batter";
    const to = batter ? ` to ${batter.text}` : "";
    call = count && rng.chance(0.6)
      ? `${capitalize(count.lead)}, ${pName} ${verb} ${desc.text}${to}, and ${subject} ${result}`
      : `${capitalize(pName)} ${verb} ${desc.text}${to}${count ? ` ${count.tail}` : ""}, and ${subject} ${result}`;
  } else if (frame === 1) {
    const from = pitcher ? ` from ${pitcher.text}` : "";
    call = `${count ? `${capitalize(count.lead)}, ` : ""}${batter.text} ${past ? "saw" : "sees"} ${desc.text}${from} and ${result}`;
  } else if (frame === 2) {
    const head = `${capitalize(pName)} ${past ? "worked to" : "works to"} ${batter.text}${count ? `, ${count.tail}` : ""}`;
    call = `${head}. ${capitalize(desc.text)}, and ${surnameOf(batter.text)} ${result}`;
  } else {
    call = `${capitalize(pName)} ${verb} ${desc.text}${count ? ` ${count.tail}` : ""}, and ${batter.text} ${result}`;
  }
  p.add(lead ? lead + lowerFirst(call) : call);

  if (count && !endsPa && rng.chance(0.35)) {
    const after = countAfter(rng, voice, ev.balls + (ev.result === "Ball" ? 1 : 0), ev.strikes + (ev.result === "Ball" || (ev.result === "Foul" && ev.strikes === 2) ? 0 : 1));
    if (after) p.add(after);
  }
  const names = (id: number) => (rng.chance(voice.fullName) ? batterById(id).name : surname(batterById(id).name));
  for (const line of aftermath(rng, ev, names, past)) p.add(line);
  return p;
}

/** Each broadcaster's own way of calling a pitch. */
function signatureCall(rng: Rng, voice: Voice, pName: string, batter: string | null, desc: string, count: CountWords | null, result: string): string {
  const hitter = batter ?? "the hitter";
  switch (voice.id) {
    case "radio":
      return `Here's the pitch from ${pName}${count ? ` ${count.tail}` : ""}... ${desc}... and ${hitter} ${result}!`;
    case "analyst":
      return `${capitalize(pName)} to ${hitter}${count ? `, ${count.tail}` : ""}: ${desc}, and ${batter ? surnameOf(batter) : "he"} ${result}`;
    case "folksy":
      return `Well, ${pName} rears back${count ? ` ${count.tail}` : ""}, here comes ${desc}, and ${hitter} ${result}`;
    case "booth":
      return `${capitalize(pName)} sets, and ${count ? `${count.tail}, ` : ""}delivers ${desc}; ${hitter} ${result}`;
    case "wire":
      return `${count ? `${capitalize(count.lead)}, ` : ""}${hitter} faced ${desc} from ${pName} and ${result}`;
  }
}

function surnameOf(text: string): string {
  return text.includes(" ") ? surname(text) : text;
}

function lowerFirst(s: string): string {
  // Keep names capitalised: only lower a leading common word.
  return /^(On|With|At|Ahead|First|To|The|His|One|A|An)\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
