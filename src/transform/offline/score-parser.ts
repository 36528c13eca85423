import { ZERO_WORDS } from "./lexicon";
/** Words that name each side: the teams' names, cities and nicknames, lower-cased. */
export interface TeamAliases {
  home: string[];
  away: string[];
}

export interface Score {
  home: number | null;
  away: number | null;
}

const GENERIC_HOME = ["home team", "home side", "hosts", "home club", "home nine", "locals"];
const GENERIC_AWAY = ["visitors", "visiting team", "visiting side", "road team", "away team", "away side", "guests", "visiting club"];

/** Aliases of a team name: "Boston Red Sox" → "boston red sox", "red sox", "sox", "boston". */
export function teamAliases(name: string): string[] {
  const words = name.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) out.add(words.slice(i).join(" "));
  for (let i = 1; i < words.length; i++) out.add(words.slice(0, i).join(" "));
  return [...out].filter((a) => a.length >= 3);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NUM_PAIR = "(\\d{1,2})\\s*(?:-|–|to)\\s*(\\d{1,2})";

interface ScorePatterns {
  home: string[];
  away: string[];
  P: Record<"homeFirst" | "awayFirst" | "homeRuns" | "awayRuns" | "teamVerbPair" | "pairTeam" | "pairLeadFor" | "teamPairLead" | "beats", RegExp>;
}

/** Words that put a sentence in another game. */
const OTHER_GAME = /\b(?:(?:in|of|won|lost|took|dropped) the (?:opener|series opener|first game|nightcap)|last (?:night|year|season|week|month)|yesterday|earlier this (?:season|year|week|month)|(?:on )?opening day)\b/;

const NO_TEAMS: TeamAliases = { home: [], away: [] };
/** The score patterns for one pair of team alias lists, compiled once rather than for every paragraph. */
const patternsByTeams = new WeakMap<TeamAliases, ScorePatterns>();

function scorePatterns(teams: TeamAliases = NO_TEAMS): ScorePatterns {
  const cached = patternsByTeams.get(teams);
  if (cached) return cached;
  const home = [...GENERIC_HOME, ...teams.home];
  const away = [...GENERIC_AWAY, ...teams.away];
  const alias = (list: string[]) => list.slice().sort((a, b) => b.length - a.length).map(esc).join("|");
  const H = `(?:the )?(${alias(home)})`;
  const A = `(?:the )?(${alias(away)})`;
  const T = `(?:the )?(${alias([...home, ...away])})`;
  const runsOf = (side: string) => new RegExp(`\\b${side}\\b,? (?:have|has|had|with|are at|sit at|sits at|on) (\\d{1,2}) runs?\\b`);
  const patterns: ScorePatterns = {
    home,
    away,
    P: {
      homeFirst: new RegExp(`\\b${H},? (\\d{1,2}),? ${A},? (\\d{1,2}|${ZERO_WORDS})\\b`),
      awayFirst: new RegExp(`\\b${A},? (\\d{1,2}),? ${H},? (\\d{1,2}|${ZERO_WORDS})\\b`),
      // "the Herons beating the Coyotes 9-8": the winner is named first.
      beats: new RegExp(`\\b${T}\\b[^.;!?\\d]{0,40}?\\b(?:beat|beats|beating|defeat|defeats|defeated|defeating|top|tops|topped|edge|edges|edged|down|downs|downed) ${T},? ${NUM_PAIR}`),
      homeRuns: runsOf(H),
      awayRuns: runsOf(A),
      teamVerbPair: new RegExp(`\\b${T}(?:'s?)?\\b[^.;!?\\d]{0,40}?\\b((?:have |has |had )?(?:cut|cuts|trimmed|trims|closed|closes|pulled|pulls)(?: it| the (?:lead|deficit|gap|margin))? (?:to|within)|lead|leads|leading|led|up|ahead|on top|in front|trail|trails|trailing|down|behind|holds?|holding|have|has)\\b(?:[^.;!?\\d]|\\d+-runs?\\b|\\bby \\d+\\b){0,15}?${NUM_PAIR}`),
      pairTeam: new RegExp(`${NUM_PAIR},? (?:in favor of |lead for |advantage |edge )?${T}\\b`),
      pairLeadFor: new RegExp(`${NUM_PAIR} (?:lead|advantage|edge|deficit) (?:for|to) ${T}\\b`),
      // "the Herons clinging to a 5-4 lead", "the visitors nursing a 3-2 edge", "the Coyotes facing a 4-1 deficit".
      teamPairLead: new RegExp(`\\b${T}\\b[^.;!?\\d]{0,30}?\\b(?:an?|the|their|its) ${NUM_PAIR} (lead|advantage|edge|cushion|deficit|hole)\\b`),
    },
  };
  patternsByTeams.set(teams, patterns);
  return patterns;
}

// Helpers of parseScore, at module level: it runs on every paragraph, and a closure made per call costs (tsx keeps
// every named function's name, one property write per closure).
const sideOfWord = (word: string, home: string[], away: string[]): "home" | "away" | null =>
  home.includes(word) ? "home" : away.includes(word) ? "away" : null;
const assign = (who: "home" | "away", mine: number, theirs: number): Score =>
  who === "home" ? { home: mine, away: theirs } : { home: theirs, away: mine };
/** Runs said as digits, or a zero in words ("Otters nothing"). */
const runs = (n: string) => (/^\d/.test(n) ? Number(n) : 0);

/**
 * The score before the pitch. Ties need no team names ("tied 3-3", "3-all", "knotted at 2",
 * "scoreless"); a lead needs to know whose ("Boston leads 4-2", "a 4-2 Yankees lead",
 * "the visitors trail 2-5", "Yankees 4, Red Sox 2"). Unknown sides give nulls, never a guess.
 */
export function parseScore(text: string, teams?: TeamAliases): Score {
  // A score of another game ("they beat us 2-0 in the opener", "won 5-3 last night") is not this one's.
  const lower = text.replace(/[^.!?]+/g, (s) => (OTHER_GAME.test(s) ? " ".repeat(s.length) : s));
  const tie =
    /\b(?:tied|knotted|deadlocked|all square|level|tie game|a tie)(?: up| game)?(?: at|,)? (\d{1,2})(?:\s*(?:-|–|to|all|apiece)\s*(\d{1,2}))?\b/.exec(lower) ??
    // "3-all", "two apiece"; not "didn't throw one all of September", "one all night".
    /\b(\d{1,2})[\s-](?:all|apiece)\b(?!\s+(?:of|the|his|her|their|that|this|season|year|night|week|month|along|over|around|day)\b)/.exec(lower) ??
    /\b(\d{1,2})-(\d{1,2}) (?:tie|game|ballgame|contest)\b/.exec(lower);
  if (tie && (tie[2] === undefined || tie[2] === tie[1])) return { home: Number(tie[1]), away: Number(tie[1]) };
  // An even pair no count can be ("still 3-3", "7-7.") is a tied score.
  const even = /(?<![\d.:-])([3-9]|1\d)\s*-\s*\1(?![\d:-])(?!\s*(?:count|pitch|in the count))/.exec(lower);
  if (even) return { home: Number(even[1]), away: Number(even[1]) };
  if (/\b(?:scoreless|no score|nothing across|no runs? (?:across|yet|on the board)|neither (?:side|club) has scored|0-0 (?:game|tie|ballgame)|nobody has scored|neither team has scored)\b/.test(lower)) return { home: 0, away: 0 };

  const { home, away, P } = scorePatterns(teams);

  // "Yankees 4, Red Sox 2" / "Red Sox 2 Yankees 4"
  // "Lumberjacks 2, Otters nothing": a zero in words after a team's name.
  let m = P.homeFirst.exec(lower);
  if (m) return { home: Number(m[2]), away: runs(m[4]!) };
  m = P.awayFirst.exec(lower);
  if (m) return { home: runs(m[4]!), away: Number(m[2]) };
  m = P.beats.exec(lower);
  if (m) {
    const [winner, loser] = [sideOfWord(m[1]!, home, away), sideOfWord(m[2]!, home, away)];
    const [hi, lo] = [Math.max(Number(m[3]), Number(m[4])), Math.min(Number(m[3]), Number(m[4]))];
    if (winner && loser && winner !== loser) return assign(winner, hi, lo);
  }
  // "the Herons have 3 runs and the Coyotes have 3 runs"
  const homeRuns = P.homeRuns.exec(lower);
  const awayRuns = P.awayRuns.exec(lower);
  if (homeRuns && awayRuns) return { home: Number(homeRuns[2]), away: Number(awayRuns[2]) };
  // "Boston leads 4-2", "the visitors trail 2-5", "Yankees up 3 to 1", "Red Sox are on top 5-4"
  m = P.teamVerbPair.exec(lower);
  if (m) {
    const who = sideOfWord(m[1]!, home, away);
    const [a, b] = [Number(m[3]), Number(m[4])];
    // "The Coyotes have cut it to 4-3": the side that cuts a lead is still behind.
    const losing = /^(?:trail|trails|trailing|down|behind)$/.test(m[2]!) || /(?:cut|cuts|trimmed|trims|closed|closes|pulled|pulls)\b/.test(m[2]!);
    if (who) return assign(who, losing ? Math.min(a, b) : Math.max(a, b), losing ? Math.max(a, b) : Math.min(a, b));
  }
  // "a 4-2 Yankees lead", "it's 4-2 Boston", "4-2 in favor of the hosts", "4-2 lead for Boston"
  m = P.pairTeam.exec(lower) ?? P.pairLeadFor.exec(lower);
  if (m) {
    const who = sideOfWord(m[3]!, home, away);
    const [a, b] = [Number(m[1]), Number(m[2])];
    const deficit = /deficit/.test(m[0]);
    if (who) return assign(who, deficit ? Math.min(a, b) : Math.max(a, b), deficit ? Math.max(a, b) : Math.min(a, b));
  }
  m = P.teamPairLead.exec(lower);
  if (m) {
    const who = sideOfWord(m[1]!, home, away);
    const [a, b] = [Number(m[2]), Number(m[3])];
    const behind = /deficit|hole/.test(m[4]!);
    if (who && a !== b) return assign(who, behind ? Math.min(a, b) : Math.max(a, b), behind ? Math.max(a, b) : Math.min(a, b));
  }
  return { home: null, away: null };
}
