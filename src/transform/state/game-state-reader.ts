import {
  postPitchCount,
  type CanonicalMapping,
  type Count,
  type Extraction,
  type InningHalf,
  type Provenance,
  type RawPlay,
  type ReferenceTables,
  type ResolvedState,
  type ResolvedValue,
  type StateFinding,
} from "../../domain/index";
import { createNameMatcher } from "../mapping/name-matcher";
import { DOUBLE_PLAY as DOUBLE_PLAY_WORDS } from "../offline/lexicon";
import { batsAfter, foldName, foldText, saidToBat, surnameOf } from "../offline/name-parser";
import { inferHomeAway } from "../offline/team-sides";
import { nextHalfAfterBreak } from "./inning-breaks";

type Row = RawPlay & Extraction;

interface RunningState {
  inning: number | null;
  half: InningHalf | null;
  halfSource: Provenance;
  outs: number | null;
  outsSource: Provenance;
  home: number | null;
  away: number | null;
  runners: string | null;
  runnersSource: Provenance;
  /** The batter at the plate, until his plate appearance ends; `guessed` when only the batting order says it is him. */
  batter: { name: string; id: number | null; guessed?: boolean } | null;
  /** The count the next pitch is thrown on; null before the first pitch of a plate appearance. */
  count: Count | null;
}

export interface GameStateResult {
  /** One per row, in input order. */
  states: ResolvedState[];
  /** The mappings with IDs the situation settles: a shared surname resolved to the player of the side at bat. */
  mappings: Map<string, CanonicalMapping>;
  findings: StateFinding[];
}

const PINCH = /\bpinch[\s-]?(?:hitter|hitting|hits?|runner)|\bbatting for\b|\bhitting for\b|\bin place of\b|\bnow batting\b|\bsteps in\b|\bleads off\b|\bstep(?:s|ping)? (?:in|up)\b|\bup next\b|\bnext up\b/i;
const STEPS_IN = /\b(?:steps? in|steps? up|comes? up|coming up|here comes|leads off|will lead off|up next|next up|now batting|will bat|due up|digs in)\b/;
const DOUBLE_PLAY = new RegExp(`\\b(?:${DOUBLE_PLAY_WORDS})\\b`, "i");

// Words of a pitcher going to the mound ("takes the ball", "now pitching", "in to pitch", "on the mound").
const TAKES_THE_MOUND = /\b(?:takes (?:the ball|the mound|the hill|over)|(?:to|on|onto) the (?:mound|hill|rubber)|in to pitch|(?:now|will be|is) pitching|comes? in|coming in|from the (?:bullpen|pen)|pitching change|new pitcher)\b/;
// Words of a pitching change: the man on the mound named on such a row may be the one leaving.
const CHANGE_TOLD = new RegExp(`${TAKES_THE_MOUND.source}|\\b(?:reliev|replac|lift(?:s|ed)?\\b|pull(?:s|ed)?\\b|done\\b|hook\\b|bullpen|to the pen\\b|showers|(?:day|night|outing) is over)`);
const RUNNER_OUT = /\b(?:caught stealing|picked off|(?:is|was) (?:thrown )?out at (?:second|third|home|2nd|3rd)|out trying to (?:steal|take|advance|go)|thrown out (?:stealing|trying))\b/;
const stated = (x: unknown) => x !== null && x !== undefined;
const v = <T>(value: T | null, source: Provenance | null): ResolvedValue<T> => ({ value, source: value === null ? null : source });

/**
 * Read the rows in order and carry the situation from play to play: inning and half, outs, score,
 * runners, the pitcher on the mound, the batter at the plate and the count within a plate appearance.
 * The extraction stays as stated; this gives, beside it, each field's resolved value and its provenance:
 *
 * - a count stated only after the pitch ("that makes it 2-1") is the post-pitch count: when the stated
 *   pre-pitch count is what the carried count becomes with this pitch's result, the pre-pitch count is the
 *   carried one (`inferred`), and a finding says so;
 * - the batter is the player at the plate: a different name in the middle of a plate appearance (a runner,
 *   a fielder) does not replace him unless the text says a new batter steps in; a two-way player is the batter
 *   when his side is at bat and the pitcher when it is in the field;
 * - "middle of the 5th" leads to the bottom of the 5th, "end of the 5th" to the top of the 6th, three outs to the
 *   next half; a contradiction between a paragraph and the running state is a finding.
 *
 * Works on any extraction (the rule extractor's or the LLM's).
 *
 * @example
 * const { states, findings } = readGameState(rows, mappings, refs);
 * states[12].batter_name // { value: "Marco Reyes", source: "carried" }
 */
export function readGameState(rows: readonly Row[], mappings?: ReadonlyMap<string, CanonicalMapping>, refs?: ReferenceTables): GameStateResult {
  const sides = refs ? inferHomeAway([...rows], refs) : null;
  const batterTeam = new Map(refs?.batters.map((b) => [b.batter_id, b.team]) ?? []);
  const pitcherTeam = new Map(refs?.pitchers.map((p) => [p.pitcher_id, p.team]) ?? []);
  const matchBatter = refs ? createNameMatcher(refs.batters.map((b) => ({ id: b.batter_id, name: b.name }))) : null;
  const matchPitcher = refs ? createNameMatcher(refs.pitchers.map((p) => ({ id: p.pitcher_id, name: p.name }))) : null;
  const battingTeam = (half: InningHalf | null) => (sides && half ? (half === "Top" ? sides.away : sides.home) : null);
  const fieldingTeam = (half: InningHalf | null) => (sides && half ? (half === "Top" ? sides.home : sides.away) : null);

  // The running situation; mutated row by row (an object, so the helpers below can reset it).
  const st: RunningState = {
    inning: null, half: null, halfSource: "text", outs: null, outsSource: "carried", home: null, away: null,
    runners: null, runnersSource: "carried", batter: null, count: null,
  };
  const pitcherOf = new Map<string, { name: string; id: number | null }>();
  // The pitchers another one took over from.
  const relieved = new Set<number>();
  const states: ResolvedState[] = [];
  const findings: StateFinding[] = [];
  const out = new Map(mappings ?? []);
  const find = (row: Row, field: StateFinding["field"], message: string) => findings.push({ play_id: row.play_id, field, message });
  const startHalf = (n: number | null, h: InningHalf | null, source: Provenance) => {
    st.inning = n;
    st.half = h;
    st.halfSource = source;
    st.outs = 0;
    st.outsSource = "inferred";
    st.runners = "None";
    st.runnersSource = "inferred";
    st.batter = null;
    st.count = null;
    reached.clear();
    appearancesThisHalf = 0;
  };
  // A half said to be over while a man named at the plate has seen no pitch the reader knows of: his plate appearance
  // ended on a play it missed, so the order goes on from him.
  const closeUnseenAppearance = () => {
    const side = battingTeam(st.half);
    if (side !== null && st.batter !== null && !st.batter.guessed && st.batter.id !== null && st.count === null && !dueUp.has(side)) lastUp.set(side, st.batter.id);
  };
  // The men of this half who reached base (a hit, a walk, a hit batsman), and when: until the order comes round again
  // (after eight other plate appearances) a man who reached is on the bases or has scored, not at the plate.
  const reached = new Map<number, number>();
  let appearancesThisHalf = 0;

  // Whether the last pitch read ended its plate appearance (a ball in play, a walk, a strikeout).
  let appearanceEnded = false;
  // The batting order, learned from the game: per team, the batter of its last plate appearance; per batter, the man
  // who came up after him; per team, a man due to lead off (his plate appearance cut short by a third out on the bases).
  const lastUp = new Map<string, number | null>();
  const nextInOrder = new Map<number, number>();
  const dueUp = new Map<string, number>();
  // The situation before the last three outs were counted, while no one has confirmed the half they started.
  let countedHalf: RunningState | null = null;
  let batterBeforePlay: RunningState["batter"] = null;
  // A half far ahead that one row named (an aside, unless the next row to name a half names it too).
  let farHalf: { inning: number; half: InningHalf } | null = null;
  // The side at bat, as a row's player at work says it (a batter's team, a pitcher's opponents), when the reference
  // tables tell his team unambiguously (not a two-way player, not a surname two players share).
  // The surnames several people share (a two-way player, in both tables, is one person).
  const people = new Set([...(refs?.pitchers ?? []), ...(refs?.batters ?? [])].map((p) => foldName(p.name)));
  const surnameCounts = new Map<string, number>();
  for (const n of people) surnameCounts.set(surnameOf(n), (surnameCounts.get(surnameOf(n)) ?? 0) + 1);
  const sharedSurnames = new Set([...surnameCounts].filter(([, k]) => k > 1).map(([sur]) => sur));
  const twoWay = new Set(refs?.pitchers.filter((p) => refs.batters.some((b) => b.name === p.name)).map((p) => p.name) ?? []);
  const sideSaid = (row: Row, mapping: CanonicalMapping | undefined): string | null => {
    if (!refs || !sides) return null;
    const b = mapping?.batter_id ?? (row.batter_name ? matchBatter?.(row.batter_name)?.id : undefined) ?? null;
    const batter = b !== null ? refs.batters.find((x) => x.batter_id === b) : undefined;
    if (batter && !twoWay.has(batter.name)) return batter.team;
    const p = mapping?.pitcher_id ?? (row.pitcher_name ? matchPitcher?.(row.pitcher_name)?.id : undefined) ?? null;
    const pitcher = p !== null ? refs.pitchers.find((x) => x.pitcher_id === p) : undefined;
    if (pitcher && !twoWay.has(pitcher.name)) return pitcher.team === sides.home ? sides.away : pitcher.team === sides.away ? sides.home : null;
    return null;
  };
  for (const row of rows) {
    const mapping = mappings?.get(row.play_hash);
    const text = row.playbyplay.toLowerCase();
    // A ball in play told again right after the pitch that ended the plate appearance, with nothing else of a pitch
    // (no count, no pitch type, no speed), is that play retold ("Sacrifice fly for Birch, and here's Sorensen"): no new pitch.
    // Unless a new batter is named, and not as stepping in: then it is his first pitch, put in play ("Mensah pops out to first").
    const newBatter = row.batter_name !== null && (batterBeforePlay === null || surnameOf(batterBeforePlay.name) !== surnameOf(row.batter_name));
    const noPitchSaid = row.pitch_type === null && row.pitch_velocity_mph === null && row.pre_pitch_balls === null && row.pre_pitch_strikes === null &&
      row.post_pitch_balls === null && row.post_pitch_strikes === null;
    // A new man introduced between plate appearances, with his day so far ("Ochoa, 2-for-3 with a double", "Ochoa, who
    // singled his last time up") and no pitch told and no act of his on it, is an introduction, not a ball in play.
    const introduced = appearanceEnded && newBatter && !saidToBat(row.playbyplay, row.batter_name!);
    const retold = appearanceEnded && row.pitch_result !== null && /^(?:In play|Hit by pitch)/.test(row.pitch_result) && noPitchSaid &&
      (!newBatter || STEPS_IN.test(text) || introduced);
    // 1. Inning and half. A paragraph between pitches may look back ("that ends the top of the 5th"): it moves nothing.
    const isPitch = row.pitch_result !== null && !retold;
    let lookBack = false;
    let leapt = false;
    if (row.inning_number !== null || row.inning_half !== null) {
      const n = row.inning_number ?? st.inning;
      const h = row.inning_half ?? (row.inning_number === st.inning ? st.half : null);
      const backwards = st.inning !== null && n !== null && (n < st.inning || (n === st.inning && h === "Top" && st.half === "Bottom"));
      // A later inning named without its half in the middle of a half ("he could pitch the 9th") is no change of inning.
      const aside = !isPitch && h === null && n !== null && st.inning !== null && n > st.inning && st.half !== null && (st.outs ?? 0) < 3;
      // A half further on than the next one, named in the middle of a half ("the bottom ten percent of the league", "he
      // could close the bottom of the 9th"), skips halves the game cannot skip: an aside, until a second row names it too.
      const ahead = n !== null && h !== null && st.inning !== null && st.half !== null ? (n - st.inning) * 2 + (h === "Bottom" ? 1 : 0) - (st.half === "Bottom" ? 1 : 0) : 0;
      const leap: boolean = ahead > 1 && (st.outs ?? 0) < 3 && !(farHalf !== null && farHalf.inning === n && farHalf.half === h);
      farHalf = leap ? { inning: n!, half: h! } : null;
      // The next half named on the pitch that makes the third out ("called strike three, and we go to the bottom of the
      // 9th") looks ahead: the pitch belongs to the half it ends.
      const closing = isPitch && ahead === 1 && st.outs === 2 && endsInOut(row, st.count);
      // The game never goes back: a stated earlier half looks back, unless it corrects a half the state only inferred.
      // (An inferred half is corrected by at most one inning: "in the second inning" during the 5th is a look back.)
      const corrects = st.halfSource === "inferred" && isPitch && st.inning !== null && n !== null && st.inning - n <= 1;
      // ... except into a new game: the top of the 1st opened by a paragraph between pitches once the game has reached
      // its last innings (a doubleheader, a file of several games) is the next game's first half, not a look back.
      const newGame = backwards && !isPitch && n === 1 && h === "Top" && (st.inning ?? 0) >= 9;
      if (newGame) {
        startHalf(1, "Top", "text");
        [st.home, st.away] = [null, null];
        for (const m of [pitcherOf, lastUp, nextInOrder, dueUp, relieved]) m.clear();
        countedHalf = null;
      } else if ((backwards && !corrects) || aside || leap || closing) {
        lookBack = true;
        leapt = leap || closing;
        if (isPitch && !closing) find(row, "inning_half", `the text says the ${h === "Top" ? "top" : "bottom"} of the ${n}, after the ${st.half === "Top" ? "top" : "bottom"} of the ${st.inning}`);
      } else if (n !== st.inning || h !== st.half) {
        if (h !== null || n !== st.inning) {
          closeUnseenAppearance();
          startHalf(n, h, "text");
        }
      } else if (h !== null) {
        // The text confirms the half the state inferred ("Bottom five" after "middle of the fifth").
        st.halfSource = "text";
      }
    }
    // 1b. The side at bat says which half it is. A half the state only inferred by counting three outs, contradicted by
    // a player of the other side at work (a batter of the side in the field, a pitcher of the side at bat; not a two-way
    // player), was a miscounted out: the half before goes on.
    if (countedHalf !== null && st.halfSource === "inferred" && !lookBack) {
      const side = sideSaid(row, mapping);
      if (side !== null && side === fieldingTeam(st.half)) {
        find(row, "inning_half", `${side} at work says the ${countedHalf.half === "Top" ? "top" : "bottom"} of the ${countedHalf.inning} goes on: an out was miscounted`);
        Object.assign(st, countedHalf);
        countedHalf = null;
      } else if (side !== null) countedHalf = null;
    }
    const recap = lookBack && !isPitch && !leapt;
    const inningValue = recap ? v(row.inning_number, "text") : v(st.inning, row.inning_number !== null && !lookBack ? "text" : st.halfSource === "inferred" ? "inferred" : "carried");
    const halfValue = recap ? v(row.inning_half, "text") : v(st.half, row.inning_half !== null && !lookBack ? "text" : st.halfSource === "inferred" ? "inferred" : "carried");
    // 2. Outs, score, runners: as stated, else as carried.
    if (stated(row.outs)) {
      if (st.outs !== null && row.outs !== st.outs && st.outsSource !== "inferred") find(row, "outs", `the text says ${row.outs} out, the state had ${st.outs}`);
      st.outs = row.outs;
      st.outsSource = "text";
    }
    const outsValue = v(st.outs, stated(row.outs) ? "text" : st.outsSource === "inferred" ? "inferred" : "carried");
    if (row.score_home !== null && row.score_away !== null) {
      if (st.home !== null && st.away !== null && (row.score_home < st.home || row.score_away < st.away)) find(row, "score_home", `the score goes back from ${st.home}-${st.away} to ${row.score_home}-${row.score_away}`);
      [st.home, st.away] = [row.score_home, row.score_away];
    }
    if (stated(row.runners_on_base)) [st.runners, st.runnersSource] = [row.runners_on_base, "text"];
    // 3. The pitcher on the mound: stated, else the last one of the side in the field.
    const fielding = fieldingTeam(st.half) ?? "?";
    let pitcherName: ResolvedValue<string> = v(pitcherOf.get(fielding)?.name ?? null, "carried");
    let pitcherId = pitcherOf.get(fielding)?.id ?? null;
    let statedBatter = row.batter_name;
    let statedBatterId = mapping?.batter_id ?? null;
    if (row.pitcher_name !== null) {
      const id = mapping?.pitcher_id ?? matchPitcher?.(row.pitcher_name)?.id ?? null;
      const team = id !== null ? pitcherTeam.get(id) : undefined;
      // The same person in the batters table (a two-way player), not just someone with his surname.
      const fullName = refs?.pitchers.find((p) => p.pitcher_id === id)?.name;
      const twoWayBatter = fullName ? refs!.batters.find((b) => b.name === fullName) ?? null : null;
      if (team !== undefined && battingTeam(st.half) === team && twoWayBatter && row.batter_name === null) {
        // A two-way player named while his side is at bat is the batter.
        statedBatter = row.pitcher_name;
        statedBatterId = twoWayBatter.batter_id;
        find(row, "pitcher_name", `${row.pitcher_name} pitches for the side at bat: read as the batter`);
      } else if (id === null && matchPitcher && pitcherOf.get(fielding)?.id != null) {
        // A name the pitchers table does not know (a manager, an umpire the extractor took for the pitcher) does not take
        // the mound from the pitcher on it.
        find(row, "pitcher_name", `${row.pitcher_name} is not a pitcher of the reference tables: ${pitcherOf.get(fielding)!.name} stays on the mound`);
      } else if (!isPitch && id !== null && relieved.has(id) && pitcherOf.get(team ?? fielding)?.id != null && pitcherOf.get(team ?? fielding)!.id !== id) {
        // A pitcher who was relieved is out of the game: named again between pitches ("Dunmore, who took him deep in the
        // 5th"), he is talked about; the man who relieved him stays on the mound, and is the row's pitcher if it names him.
        const onMound = pitcherOf.get(team ?? fielding)!;
        find(row, "pitcher_name", `${row.pitcher_name} was relieved earlier: ${onMound.name} stays on the mound`);
        if (mapping && mapping.pitcher_id === id) out.set(row.play_hash, theManOnTheMound(mapping, onMound, row.playbyplay));
      } else if (isPitch && twoWayBatter && team !== undefined && pitcherOf.get(team)?.id != null && pitcherOf.get(team)!.id !== id && !TAKES_THE_MOUND.test(text)) {
        // A two-way player of the side in the field named on a pitch while another man of his side is on the mound, with
        // no word of him taking it ("Vance gloves it at first", "the throw across to Vance"), plays his position: the
        // pitcher stays, and the row names no pitcher but him if it names him.
        const onMound = pitcherOf.get(team)!;
        find(row, "pitcher_name", `${row.pitcher_name} plays in the field: ${onMound.name} stays on the mound`);
        if (mapping && mapping.pitcher_id === id) out.set(row.play_hash, theManOnTheMound(mapping, onMound, row.playbyplay));
      } else {
        pitcherName = v(row.pitcher_name, "text");
        pitcherId = id;
        const before = pitcherOf.get(team ?? fielding)?.id;
        if (before != null && id !== null && before !== id) relieved.add(before);
        if (id !== null) relieved.delete(id);
        pitcherOf.set(team ?? fielding, { name: row.pitcher_name, id });
      }
    }
    // A list of the men due up ("Kinsella, Marchetti and Fitch coming up") is the batting order, in order.
    if (refs && !isPitch) {
      const listed = dueUpList(row.playbyplay, refs);
      for (let k = 1; k < listed.length; k++) if (!nextInOrder.has(listed[k - 1]!)) nextInOrder.set(listed[k - 1]!, listed[k]!);
    }
    // 4. The batter at the plate.
    // A man who reached base earlier in this half, named with no act of his at the plate ("Weatherby scoots into
    // second", "Harlan's in safely") while another man is at the plate or after another man batted, is a runner, however
    // the words around him read: the row names no batter but the man at the plate, if it names him. (Named again before
    // anyone else came up, his plate appearance was not over: the extractor misread the play that "ended" it.)
    const statedId = statedBatterId ?? (statedBatter !== null ? matchBatter?.(statedBatter)?.id ?? null : null);
    if (statedBatter !== null && statedId !== null && reached.has(statedId) && appearancesThisHalf - reached.get(statedId)! < 8 &&
      st.batter?.id !== statedId && (st.batter !== null && !st.batter.guessed || lastUp.get(batterTeam.get(statedId) ?? "") !== statedId) &&
      !saidToBat(row.playbyplay, statedBatter) && !PINCH.test(text)) {
      find(row, "batter_name", `${statedBatter} reached base earlier in the half: a runner, not the batter`);
      if (mapping && mapping.batter_id === statedId) out.set(row.play_hash, notTheBatter(mapping, st.batter, text));
      statedBatter = null;
      statedBatterId = null;
    }
    // A pitch with no one at the plate yet: the batting order says who is up (the man who followed the last batter of
    // the side at bat the time before), until the text names him.
    const upNow = battingTeam(st.half);
    let guessed = false;
    // A man introduced by his place in the field and no name ("the first baseman, number 44, is up") is the one batter of
    // the side at bat who plays there: a guess, until the text names him.
    // On a pitch, only if that man is said to bat on it ("the left fielder lines one"): a place named on a pitch is often
    // the fielder's ("a fly to the left fielder").
    if (refs && statedBatter === null && upNow !== null && (st.batter === null || st.batter.guessed || st.batter.id === null)) {
      const id = byPosition(text, refs, upNow, isPitch);
      const name = id !== null ? refs.batters.find((b) => b.batter_id === id)!.name : null;
      if (name !== null) st.batter = { name, id, guessed: true };
    }
    if (isPitch && st.batter === null && statedBatter === null && upNow !== null) {
      const last = lastUp.get(upNow);
      const next = dueUp.get(upNow) ?? (last !== undefined && last !== null ? nextInOrder.get(last) : undefined);
      const name = next !== undefined ? refs?.batters.find((b) => b.batter_id === next)?.name : undefined;
      if (next !== undefined && name) [st.batter, guessed] = [{ name, id: next, guessed: true }, true];
    }
    // A batter named for this plate appearance stays until it ends: another name meanwhile is a runner or a fielder.
    const midAppearance = st.batter !== null && !st.batter.guessed;
    if (statedBatter !== null) {
      let id = statedBatterId;
      if (id === null && matchBatter) id = resolveShared(statedBatter, refs!, battingTeam(st.half), st.batter);
      // A first name or a nickname on it names the man for the state, not for the row: its mapping stays as stated.
      const byFirst = id === null && matchBatter ? byFirstName(statedBatter, refs!, battingTeam(st.half)) : null;
      if (byFirst !== null) {
        id = byFirst;
        find(row, "batter_name", `${statedBatter} is no batter of the reference tables: read as ${refs!.batters.find((b) => b.batter_id === byFirst)!.name}, by his first name`);
      }
      const same = st.batter !== null && (id !== null && st.batter.id !== null ? id === st.batter.id : surnameOf(st.batter.name) === surnameOf(statedBatter));
      const onFieldingSide = id !== null && fieldingTeam(st.half) !== null && batterTeam.get(id) === fieldingTeam(st.half);
      // A man of the side in the field is a fielder, not the batter ("Marchetti lets it roll foul"): the row names no batter.
      const fielder = onFieldingSide && (st.batter !== null || st.halfSource !== "inferred");
      if (fielder && mapping && mapping.batter_id === id) out.set(row.play_hash, { ...mapping, batter_id: null, batter_confidence: null });
      // The running count said to go on ("one and two" after the one-two pitch) is the same plate appearance: a new name
      // on it is a runner or a fielder, whatever he is said to do.
      const countGoesOn = isPitch && st.count !== null && st.batter?.id != null && row.pre_pitch_balls === st.count.balls && row.pre_pitch_strikes === st.count.strikes &&
        st.count.balls + st.count.strikes > 0;
      if (midAppearance && !same && !PINCH.test(text) && (countGoesOn || isRunner(row.playbyplay, statedBatter))) {
        find(row, "batter_name", `the text names ${statedBatter}, but ${st.batter!.name} is at the plate (mid plate appearance)`);
        if (mapping && id !== null && mapping.batter_id === id) out.set(row.play_hash, notTheBatter(mapping, st.batter!, text));
      } else if (fielder) {
        find(row, "batter_name", `${statedBatter} plays for the side in the field`);
      } else {
        // A new plate appearance (not the guessed man named at last): the count starts again, and the order learns who followed whom.
        if (!same && !st.batter?.guessed) st.count = null;
        st.batter = { name: byFirst !== null ? refs!.batters.find((b) => b.batter_id === byFirst)!.name : statedBatter, id };
        const team = id !== null ? batterTeam.get(id) : undefined;
        const last = team !== undefined ? lastUp.get(team) : undefined;
        if (id !== null && last !== undefined && last !== null && last !== id) {
          // A new man where another followed the last batter before (a pinch hitter, a substitute) took that man's place
          // in the order: the one who followed him follows the new man.
          const replaced = nextInOrder.get(last);
          const after = replaced !== undefined && replaced !== id ? nextInOrder.get(replaced) : undefined;
          if (after !== undefined && after !== id && !nextInOrder.has(id)) nextInOrder.set(id, after);
          nextInOrder.set(last, id);
        }
        if (team !== undefined) dueUp.delete(team);
      }
      if (id !== null && byFirst === null && mapping && mapping.batter_id === null && surnameOf(statedBatter) === surnameOf(st.batter?.name ?? "")) {
        out.set(row.play_hash, { ...mapping, batter_id: st.batter!.id ?? id, batter_confidence: "medium" });
      }
    }
    // 4b. A surname two players share, left unread by the extractor (which of them?), on a row that names no pitcher, on a
    // pitch or at a plate appearance: the man on the mound, if he has it ("Wendt fields the comebacker" with Caspar Wendt
    // pitching and Ola Wendt batting for the other side), unless the row tells of a change, or the surname is also the
    // batter's (at the plate, or possibly so: a man of the side at bat while no one is known there).
    const mound = pitcherOf.get(fielding);
    if (mapping && mapping.pitcher_id === null && row.pitcher_name === null && mound?.id != null && !lookBack && (isPitch || row.batter_name !== null) &&
      sharedSurnames.has(surnameOf(mound.name)) && !CHANGE_TOLD.test(text) && writesSurname(row.playbyplay, mound.name)) {
      const sur = surnameOf(mound.name);
      const batterToo = st.batter !== null ? surnameOf(st.batter.name) === sur : refs?.batters.some((b) => b.team === upNow && surnameOf(b.name) === sur) ?? false;
      if (!batterToo) out.set(row.play_hash, { ...(out.get(row.play_hash) ?? mapping), pitcher_id: mound.id, pitcher_confidence: "medium" });
    }
    const batterValue = v(st.batter?.name ?? null, statedBatter !== null && st.batter?.name === statedBatter ? "text" : guessed ? "inferred" : "carried");
    const batterId = st.batter?.id ?? null;
    // 5. The count within the plate appearance.
    let pre: ResolvedValue<number>[] = [v(row.pre_pitch_balls, "text"), v(row.pre_pitch_strikes, "text")];
    let post: ResolvedValue<number>[] = [v(row.post_pitch_balls, "text"), v(row.post_pitch_strikes, "text")];
    if (isPitch) {
      const carried: Count = st.count ?? { balls: 0, strikes: 0 };
      const carriedSource: Provenance = st.count === null ? "inferred" : "carried";
      // A ball in play leaves the count as it was: a count said to change on this pitch ("Marchetti, who doubled. First
      // pitch, high, one-oh") says the ball was not put in play; the change says what the pitch was.
      const result = countSays(row) ?? row.pitch_result!;
      if (row.pre_pitch_balls !== null && row.pre_pitch_strikes !== null) {
        const said = { balls: row.pre_pitch_balls, strikes: row.pre_pitch_strikes };
        const after = postPitchCount(carried, result);
        if ((said.balls !== carried.balls || said.strikes !== carried.strikes) && st.count !== null) {
          if (said.balls === after.balls && said.strikes === after.strikes) {
            find(row, "pre_pitch_balls", `${said.balls}-${said.strikes} is the count after the pitch (it was ${carried.balls}-${carried.strikes})`);
            pre = [v(carried.balls, "inferred"), v(carried.strikes, "inferred")];
            post = [v(after.balls, "text"), v(after.strikes, "text")];
          } else {
            find(row, "pre_pitch_balls", `the text says ${said.balls}-${said.strikes}, the running count was ${carried.balls}-${carried.strikes}`);
          }
        }
      } else {
        pre = [
          row.pre_pitch_balls !== null ? v(row.pre_pitch_balls, "text") : v(carried.balls, carriedSource),
          row.pre_pitch_strikes !== null ? v(row.pre_pitch_strikes, "text") : v(carried.strikes, carriedSource),
        ];
      }
      const computed = postPitchCount({ balls: pre[0]!.value ?? 0, strikes: pre[1]!.value ?? 0 }, result);
      post = [
        post[0]!.value !== null ? post[0]! : v(computed.balls, "inferred"),
        post[1]!.value !== null ? post[1]! : v(computed.strikes, "inferred"),
      ];
      const [pb, ps] = [post[0]!.value!, post[1]!.value!];
      // A count said after the pitch that the running count and the result do not give: the paragraph and the state
      // disagree (a pitch the state missed, or a misread count). A finding, as every such contradiction is.
      if (pre[0]!.source !== "text" || pre[1]!.source !== "text") {
        const off = pb !== computed.balls ? "post_pitch_balls" : ps !== computed.strikes ? "post_pitch_strikes" : null;
        if (off !== null) find(row, off, `the text says ${pb}-${ps} after the pitch; a ${JSON.stringify(result)} on the running count ${pre[0]!.value}-${pre[1]!.value} gives ${computed.balls}-${computed.strikes}`);
      }
      const endsAppearance = result === "In play - out" || result === "In play - hit" || result === "Hit by pitch" || pb >= 4 || ps >= 3;
      st.count = endsAppearance ? null : { balls: pb, strikes: ps };
      batterBeforePlay = st.batter;
      if (endsAppearance) {
        appearancesThisHalf++;
        const reachedBase = result === "In play - hit" || result === "Hit by pitch" || pb >= 4;
        if (reachedBase && st.batter?.id != null) reached.set(st.batter.id, appearancesThisHalf);
      }
      if (endsAppearance && upNow !== null) {
        lastUp.set(upNow, st.batter?.id ?? null);
        dueUp.delete(upNow);
      }
      if (endsAppearance) st.batter = null;
      appearanceEnded = endsAppearance;
    }
    states.push({
      inning_number: inningValue,
      inning_half: halfValue,
      outs: outsValue,
      score_home: v(st.home, row.score_home !== null ? "text" : "carried"),
      score_away: v(st.away, row.score_away !== null ? "text" : "carried"),
      runners_on_base: v(st.runners, stated(row.runners_on_base) ? "text" : st.runnersSource),
      pitcher_name: pitcherName,
      batter_name: batterValue,
      pre_pitch_balls: pre[0]!,
      pre_pitch_strikes: pre[1]!,
      post_pitch_balls: post[0]!,
      post_pitch_strikes: post[1]!,
      pitcher_id: pitcherId,
      batter_id: batterId,
    });
    // 6. What the play changes for the next row.
    const outsBeforePlay = Math.min(st.outs ?? 2, 2);
    if (isPitch && st.outs !== null) {
      // A runner caught stealing or picked off on a pitch not put in play is an out too ("strike him out, throw him out").
      const runnerOut = row.pitch_result !== "In play - out" && RUNNER_OUT.test(text) ? 1 : 0;
      const made = (row.pitch_result === "In play - out" ? (DOUBLE_PLAY.test(text) ? 2 : 1) : (post[1]!.value ?? 0) >= 3 ? 1 : 0) + runnerOut;
      if (made > 0) [st.outs, st.outsSource] = [Math.min(3, (st.outs as number) + made), "inferred"];
      if (made > 0 || row.pitch_result === "In play - hit" || (post[0]!.value ?? 0) >= 4) [st.runners, st.runnersSource] = [null, "carried"];
    }
    const next = isPitch ? null : nextHalfAfterBreak(text);
    if (st.outs === 3 && st.half !== null && st.inning !== null) {
      const wasTop = st.half === "Top";
      // A third out on the bases leaves the batter at the plate: he leads off his side's next half.
      const side = battingTeam(st.half);
      if (side !== null && st.batter?.id != null && !st.batter.guessed) dueUp.set(side, st.batter.id);
      // Kept until a player of a side at work confirms the new half or says the old one goes on (1b).
      const before = { ...st, outs: outsBeforePlay, outsSource: "inferred" as Provenance, batter: batterBeforePlay, count: null };
      startHalf(wasTop ? st.inning : st.inning + 1, wasTop ? "Bottom" : "Top", "inferred");
      countedHalf = before;
    } else if (next) {
      closeUnseenAppearance();
      startHalf(next.inning, next.half, "inferred");
    } else if (st.outs === 3) {
      // Three outs with the inning or the half unknown (a game joined in progress, commentary that never says it):
      // the half is over all the same. The next one starts with no outs; what is known of it follows.
      const half = st.half === null ? null : st.half === "Top" ? "Bottom" : "Top";
      const inning = st.inning === null || st.half === null ? null : st.half === "Top" ? st.inning : st.inning + 1;
      startHalf(inning, half, "inferred");
    }
  }
  return { states, mappings: out, findings };
}

/** Whether the pitch makes an out at the plate: a ball in play caught or thrown out, or strike three. */
function endsInOut(row: Row, count: Count | null): boolean {
  const r = row.pitch_result;
  if (r === "In play - out" || row.post_pitch_strikes === 3) return true;
  const strikes = row.pre_pitch_strikes ?? count?.strikes ?? 0;
  return strikes === 2 && (r === "Strike" || r === "Swing and miss");
}

/** A row's mapping whose pitcher is not on the mound: its pitcher is the man on the mound if the paragraph names him, else no one. */
function theManOnTheMound(mapping: CanonicalMapping, onMound: { name: string; id: number | null }, text: string): CanonicalMapping {
  const named = onMound.id !== null && namesSurname(text, onMound.name);
  return { ...mapping, pitcher_id: named ? onMound.id : null, pitcher_confidence: named ? "medium" : null };
}

/** Whether the paragraph writes this man's surname, as a word (accents and case ignored). */
function namesSurname(text: string, name: string): boolean {
  const sur = surnameOf(name);
  return sur !== "" && new RegExp(`(?<![\\p{L}])${esc(sur)}(?![\\p{L}])`, "u").test(foldText(text).folded);
}

/** Whether the paragraph writes this man's surname with its capital, as a word (accents ignored): "Maune", not "maune". */
function writesSurname(text: string, name: string): boolean {
  const sur = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/\s+/).filter((w) => !/^(?:jr\.?|sr\.?|ii|iii|iv)$/i.test(w)).pop() ?? "";
  return sur !== "" && new RegExp(`(?<![\\p{L}])${esc(sur)}(?![\\p{L}])`, "u").test(text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
}

/** A row's mapping whose batter was a runner: its batter is the man at the plate if the paragraph names him, else no one. */
function notTheBatter(mapping: CanonicalMapping, atPlate: { name: string; id: number | null; guessed?: boolean } | null, text: string): CanonicalMapping {
  if (atPlate === null || atPlate.guessed) return { ...mapping, batter_id: null, batter_confidence: null };
  const named = new RegExp(`\\b${surnameOf(atPlate.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
  return { ...mapping, batter_id: named ? atPlate.id : null, batter_confidence: named ? "medium" : null };
}

const DUE_UP_WORDS = /\b(?:due up|coming up|comes up|are up|will bat|will hit|lead(?:s|ing)? (?:it )?off|up for|in order)\b/i;
/**
 * The batters of one team the paragraph lists in a row ("Kinsella, Marchetti and Fitch coming up", "Ibarra, Tolliver,
 * Kinsella."): three or more, or two with words of men due up. Their ids, in the order written; empty when none.
 */
function dueUpList(text: string, refs: ReferenceTables): number[] {
  const { folded } = foldText(text);
  const found: { at: number; end: number; id: number; team: string }[] = [];
  for (const b of refs.batters) {
    const full = foldName(b.name);
    const sur = surnameOf(b.name);
    if (!folded.includes(sur)) continue;
    const shared = refs.batters.filter((o) => surnameOf(o.name) === sur).length > 1;
    const re = new RegExp(`(?<![\\p{L}])(?:${esc(full)}${shared ? "" : `|${esc(sur)}`})(?![\\p{L}])`, "gu");
    for (let m: RegExpExecArray | null; (m = re.exec(folded)) !== null; ) found.push({ at: m.index, end: m.index + m[0].length, id: b.batter_id, team: b.team });
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const places = found.filter((f, i) => i === 0 || f.at >= found[i - 1]!.end);
  let best: typeof places = [];
  for (let i = 0; i < places.length; ) {
    let j = i + 1;
    while (j < places.length && places[j]!.team === places[i]!.team && /^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(folded.slice(places[j - 1]!.end, places[j]!.at))) j++;
    if (j - i > best.length) best = places.slice(i, j);
    i = j;
  }
  if (best.length >= 3 || (best.length === 2 && DUE_UP_WORDS.test(text))) return best.map((f) => f.id);
  return [];
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pitch a count change says: one more ball, one more strike (a foul at two strikes changes nothing, so says nothing). */
function countSays(row: Row): Row["pitch_result"] {
  const r = row.pitch_result;
  if (r === null || !/^In play/.test(r)) return null;
  const { pre_pitch_balls: pb, pre_pitch_strikes: ps, post_pitch_balls: qb, post_pitch_strikes: qs } = row;
  if (pb === null || ps === null || qb === null || qs === null) return null;
  if (qb === pb + 1 && qs === ps) return "Ball";
  if (qs === ps + 1 && qb === pb) return "Strike";
  return null;
}

const POSITION_WORDS: ReadonlyArray<readonly [RegExp, string]> = ([
  ["catcher", "C"], ["first baseman", "1B"], ["second baseman", "2B"], ["third baseman", "3B"], ["shortstop", "SS"],
  ["left fielder", "LF"], ["cent(?:er|re) fielder", "CF"], ["right fielder", "RF"], ["(?:dh|designated hitter)", "DH"],
] as const).map(([words, code]) => [new RegExp(`\\b(?:the|their|our) (?:\\w+ )?${words}\\b`), code] as const);
// One test before the nine: most paragraphs name no position at all.
const ANY_POSITION = /catcher|baseman|shortstop|fielder|\bdh\b|designated hitter/;
/**
 * The one batter of the team who plays the one position the paragraph names ("the first baseman"); null otherwise.
 * `batting`: only if the words after the position have him bat ("the first baseman grounds the first pitch").
 */
function byPosition(text: string, refs: ReferenceTables, team: string, batting = false): number | null {
  if (!ANY_POSITION.test(text)) return null;
  const said = POSITION_WORDS.filter(([re]) => re.test(text));
  if (said.length !== 1) return null;
  if (batting) {
    const m = said[0]![0].exec(text)!;
    if (!batsAfter(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return null;
  }
  const men = refs.batters.filter((b) => b.team === team && b.position.toUpperCase() === said[0]![1]);
  return men.length === 1 ? men[0]!.batter_id : null;
}

/** A name no batter has, with the first name of one batter of the side at bat ("Big Bram", "young Cato"): that batter. */
function byFirstName(name: string, refs: ReferenceTables, team: string | null): number | null {
  if (team === null) return null;
  const words = foldName(name).split(" ");
  const men = refs.batters.filter((b) => b.team === team && words.includes(foldName(b.name).split(" ")[0]!) && foldName(b.name).split(" ").length > 1);
  return men.length === 1 ? men[0]!.batter_id : null;
}

/** Whether the paragraph puts this player on the bases: "with Odom on second", "Odom takes off", "Odom scores". */
function isRunner(text: string, name: string): boolean {
  const sur = name.split(/\s+/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b${sur}\\b(?:,| is| was)? (?:(?:standing |leading |dancing |taking a lead )?(?:off |on |at )(?:1st|2nd|3rd|first|second|third)|takes off|breaks|steals?|stole|swipes?|swiped|scores?|scored|advances?|trots|races|holds|tags|is running|is off)|(?:runner|with|(?<![.!?]\\s*|^\\s*)and) ${sur}\\b`, "i").test(text) ||
    new RegExp(`\\b(?:runner|with|pinch[- ]runner)\\s+(?:\\p{Lu}\\p{L}+\\s+)?${sur}\\b`, "iu").test(text);
}

/** A surname two players share, settled by the side at bat, else by the batter already at the plate. */
function resolveShared(name: string, refs: ReferenceTables, batting: string | null, atPlate: { name: string; id: number | null } | null): number | null {
  const sur = surnameOf(name);
  const same = refs.batters.filter((b) => surnameOf(b.name) === sur);
  if (same.length === 0) return null;
  if (atPlate?.id !== null && atPlate !== null && same.some((b) => b.batter_id === atPlate.id)) return atPlate.id;
  const onSide = batting ? same.filter((b) => b.team === batting) : [];
  return onSide.length === 1 ? onSide[0]!.batter_id : same.length === 1 ? same[0]!.batter_id : null;
}
