import type { Extraction, RawPlay, ReferenceTables } from "../../domain/index";
import { OptionsError } from "../../errors";
import { parseInning, parseOuts, parseRunners } from "./game-state-parser";
import { parseNames, type NameRoster } from "./name-parser";
import { normalizeNumbers } from "./number-words";
import { readPitch } from "./pitch-reader";
import { isRecap } from "./result-parser";
import { parseScore, teamAliases, type TeamAliases } from "./score-parser";
import { inferHomeAway } from "./team-sides";

/** What the extractor may know besides the paragraph: the roster and which side is home. */
export interface ExtractionContext {
  roster?: NameRoster;
  teams?: TeamAliases;
}

/**
 * Extract the structured record of one paragraph (section 9.2) with rules only: no network,
 * deterministic, null for anything the text does not give. Non-pitch paragraphs (pitching changes,
 * mound visits, inning openers, recaps) get null pitch fields.
 *
 * @example
 * extractPlay("Top of the 7th, one out. On a 2-1 pitch Cole fires a 97 mph four-seamer: fouled off.")
 * // { inning_number: 7, inning_half: "Top", outs: 1, pre_pitch_balls: 2, pre_pitch_strikes: 1,
 * //   post_pitch_balls: 2, post_pitch_strikes: 2, pitch_type: "four-seamer", pitch_velocity_mph: 97,
 * //   pitch_result: "Foul", ball_in_play: false, ... }
 */
export function extractPlay(text: string, context: ExtractionContext = {}): Extraction {
  const lower = normalizeNumbers(text);
  const plain = text.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ");
  const inning = parseInning(lower, text);
  const score = parseScore(lower, context.teams);
  // A recap of several plate appearances names players who are no longer at the plate or on the mound.
  const names = isRecap(lower) ? { pitcher: null, batter: null } : parseNames(text, context.roster);
  const pitch = readPitch(lower, plain, text);
  const { outs, postOuts } = parseOuts(lower);
  const madeOut = pitch.pitch_result === "In play - out" || pitch.post.strikes === 3;
  return {
    inning_number: inning.number,
    inning_half: inning.half,
    outs: outs ?? (postOuts !== null && madeOut && postOuts >= 1 ? postOuts - 1 : null),
    score_home: score.home,
    score_away: score.away,
    pitcher_name: names.pitcher,
    batter_name: names.batter,
    runners_on_base: parseRunners(lower),
    pre_pitch_balls: pitch.pre.balls ?? null,
    pre_pitch_strikes: pitch.pre.strikes ?? null,
    post_pitch_balls: pitch.post.balls ?? null,
    post_pitch_strikes: pitch.post.strikes ?? null,
    pitch_type: pitch.pitch_type,
    pitch_velocity_mph: pitch.pitch_velocity_mph,
    pitch_result: pitch.pitch_result,
    ball_in_play: pitch.ball_in_play,
  };
}

export interface RuleExtractorOptions {
  /** Reference tables: names of players and teams to look for. Default: none (grammar only). */
  references?: ReferenceTables;
  /** Home team name; default: inferred from the plays and the reference tables. */
  homeTeam?: string;
  /** Away team name; default: inferred like `homeTeam`. */
  awayTeam?: string;
}

/** The offline provider's extraction step: one `Extraction` per play, keyed by `play_hash`. */
export class RuleExtractor {
  readonly name = "offline-rules";
  private readonly options: RuleExtractorOptions;

  constructor(options: RuleExtractorOptions = {}) {
    for (const key of ["homeTeam", "awayTeam"] as const) {
      const v = options[key];
      if (v !== undefined && (typeof v !== "string" || v.trim() === "")) throw new OptionsError(key, "a non-empty team name", v);
    }
    this.options = options;
  }

  extract(plays: RawPlay[]): Map<string, Extraction> {
    const refs = this.options.references;
    const roster: NameRoster | undefined = refs && {
      pitchers: refs.pitchers.map((p) => p.name),
      batters: refs.batters.map((b) => b.name),
      teamWords: [...new Set([...refs.pitchers, ...refs.batters].map((p) => p.team.toLowerCase()))],
    };
    const first = new Map<string, Extraction>();
    for (const play of plays) first.set(play.play_hash, extractPlay(play.playbyplay, { roster }));
    const sides = this.sides(first);
    if (!sides) return first;
    const teams: TeamAliases = { home: teamAliases(sides.home), away: teamAliases(sides.away) };
    const shared = teams.home.filter((a) => teams.away.includes(a));
    teams.home = teams.home.filter((a) => !shared.includes(a));
    teams.away = teams.away.filter((a) => !shared.includes(a));
    const out = new Map<string, Extraction>();
    for (const play of plays) out.set(play.play_hash, extractPlay(play.playbyplay, { roster, teams }));
    return out;
  }

  private sides(first: Map<string, Extraction>): { home: string; away: string } | null {
    const { homeTeam, awayTeam, references } = this.options;
    if (homeTeam && awayTeam) return { home: homeTeam, away: awayTeam };
    if (!references) return null;
    return inferHomeAway([...first.values()], references);
  }
}
