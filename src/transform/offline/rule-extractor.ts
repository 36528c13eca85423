import type { Extraction, InningHalf, RawPlay, ReferenceTables } from "../../domain/index";
import { OptionsError } from "../../errors";
import { foldName, type NameRoster, type Names } from "./name-parser";
import { namesOf, readParagraph, readParagraphs, type ParagraphReading, type ReadParagraph } from "./paragraph-reading";
import { PARALLEL_MIN_ROWS, readParagraphsInWorkers } from "./paragraph-pool";
import { repairMisdecoded } from "../../extract/text-decoding";
import { parseScore, teamAliases, type TeamAliases } from "./score-parser";
import { inferHomeAway } from "./team-sides";
import { readGameState } from "../state/game-state-reader";

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
  return withContext(readParagraph(text), context);
}

/** The paragraph's record in a context; `names` when they are already known for this roster. */
function withContext(p: ReadParagraph, context: ExtractionContext, names?: Names, withScore = true): Extraction {
  const score = withScore ? parseScore(p.lower, context.teams) : { home: null, away: null };
  const who = names ?? namesOf(p, context.roster);
  const f = p.fields;
  return {
    inning_number: f.inning_number,
    inning_half: f.inning_half,
    outs: f.outs,
    score_home: score.home,
    score_away: score.away,
    pitcher_name: who.pitcher,
    batter_name: who.batter,
    runners_on_base: f.runners_on_base,
    pre_pitch_balls: f.pre_pitch_balls,
    pre_pitch_strikes: f.pre_pitch_strikes,
    post_pitch_balls: f.post_pitch_balls,
    post_pitch_strikes: f.post_pitch_strikes,
    pitch_type: f.pitch_type,
    pitch_velocity_mph: f.pitch_velocity_mph,
    pitch_result: f.pitch_result,
    ball_in_play: f.ball_in_play,
  };
}


export interface RuleExtractorOptions {
  /** Reference tables: names of players and teams to look for. Default: none (grammar only). */
  references?: ReferenceTables;
  /** Home team name; default: inferred from the plays and the reference tables. */
  homeTeam?: string;
  /** Away team name; default: inferred like `homeTeam`. */
  awayTeam?: string;
  /**
   * Told about rows whose punctuation arrived mis-decoded ("â€”" for "—") and was repaired before reading,
   * with their line numbers. Default: `console.warn`.
   */
  onWarning?: (message: string, lines: number[]) => void;
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

  extract(input: RawPlay[]): Map<string, Extraction> {
    const plays = this.repaired(input);
    const roster = this.roster();
    return this.assemble(plays, readParagraphs(plays.map((p) => p.playbyplay), roster), roster);
  }

  /**
   * `extract`, with the paragraphs of a large input (`PARALLEL_MIN_ROWS` or more) read in worker threads:
   * the same records, sooner on a machine with several cores, and with less of the main heap.
   */
  async extractAsync(input: RawPlay[]): Promise<Map<string, Extraction>> {
    const plays = this.repaired(input);
    const roster = this.roster();
    const texts = plays.map((p) => p.playbyplay);
    const read = (plays.length >= PARALLEL_MIN_ROWS ? await readParagraphsInWorkers(texts, roster) : null) ?? readParagraphs(texts, roster);
    return this.assemble(plays, read, roster);
  }

  private roster(): NameRoster | undefined {
    const refs = this.options.references;
    return refs && {
      pitchers: refs.pitchers.map((p) => p.name),
      batters: refs.batters.map((b) => b.name),
      teamWords: [...new Set([...refs.pitchers, ...refs.batters].map((p) => p.team.toLowerCase()))],
    };
  }

  /**
   * The records from the paragraphs read on their own: each paragraph is read once; the second look, once
   * the sides are known, only redoes what depends on them: the score (which team is which) and, for a
   * two-way player's half-innings, the names.
   */
  private assemble(plays: RawPlay[], readings: ParagraphReading[], roster: NameRoster | undefined): Map<string, Extraction> {
    // The first look learns which side is home from the halves and the names: it needs no score.
    const first = new Map<string, Extraction>();
    plays.forEach((play, i) => first.set(play.play_hash, withContext(readings[i]!.read, { roster }, readings[i]!.names, false)));
    const sides = this.sides(first);
    if (!sides) {
      plays.forEach((play, i) => first.set(play.play_hash, withContext(readings[i]!.read, { roster }, readings[i]!.names)));
      return first;
    }
    const teams: TeamAliases = { home: teamAliases(sides.home), away: teamAliases(sides.away) };
    const shared = teams.home.filter((a) => teams.away.includes(a));
    teams.home = teams.home.filter((a) => !shared.includes(a));
    teams.away = teams.away.filter((a) => !shared.includes(a));
    const out = new Map<string, Extraction>();
    const rosterOf = this.rosterBySituation(plays, first, roster!, sides);
    first.clear();
    plays.forEach((play, i) => {
      const r = rosterOf(i);
      out.set(play.play_hash, withContext(readings[i]!.read, { roster: r, teams }, r === roster ? readings[i]!.names : undefined));
    });
    return out;
  }

  /**
   * A two-way player (in both tables) bats while his side is at bat and pitches while it is in the field: the
   * half-inning each row is in (as the game state reads it) leaves him in only the role he can have there.
   */
  private rosterBySituation(plays: RawPlay[], first: Map<string, Extraction>, roster: NameRoster, sides: { home: string; away: string }): (i: number) => NameRoster {
    const refs = this.options.references!;
    const twoWay = refs.pitchers.filter((p) => refs.batters.some((b) => foldName(b.name) === foldName(p.name)));
    if (twoWay.length === 0) return () => roster;
    // A paragraph that looks back or ahead ("he could pitch the 9th") leaves the half in play as it was.
    let inPlay: InningHalf | null = null;
    const halves = readGameState(plays.map((p) => ({ ...p, ...first.get(p.play_hash)! })), undefined, refs).states.map((s) => (inPlay = s.inning_half.value ?? inPlay));
    const byHalf = (batting: string): NameRoster => ({
      ...roster,
      pitchers: roster.pitchers.filter((n) => !twoWay.some((t) => t.name === n && t.team === batting)),
      batters: roster.batters.filter((n) => !twoWay.some((t) => t.name === n && t.team !== batting)),
    });
    const top = byHalf(sides.away);
    const bottom = byHalf(sides.home);
    return (i) => (halves[i] === "Top" ? top : halves[i] === "Bottom" ? bottom : roster);
  }

  /** The plays with mis-decoded punctuation repaired; one warning names the lines. */
  private repaired(plays: RawPlay[]): RawPlay[] {
    const lines: number[] = [];
    const out = plays.map((p) => {
      const { text, repaired } = repairMisdecoded(p.playbyplay);
      if (repaired === 0) return p;
      lines.push(p.line);
      return { ...p, playbyplay: text };
    });
    if (lines.length > 0) {
      const warn = this.options.onWarning ?? ((message: string) => console.warn(message));
      const shown = lines.length > 12 ? `${lines.slice(0, 12).join(", ")}, … (${lines.length} rows)` : lines.join(", ");
      warn(`Repaired mis-decoded punctuation (UTF-8 read as Windows-1252, e.g. "â€”" for "—") before reading line${lines.length > 1 ? "s" : ""} ${shown}`, lines);
    }
    return out;
  }

  private sides(first: Map<string, Extraction>): { home: string; away: string } | null {
    const { homeTeam, awayTeam, references } = this.options;
    if (homeTeam && awayTeam) return { home: homeTeam, away: awayTeam };
    if (!references) return null;
    return inferHomeAway([...first.values()], references);
  }
}
