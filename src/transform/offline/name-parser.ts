/** Known players, when the reference tables are at hand: matching the roster beats guessing from grammar. */
export interface NameRoster {
  pitchers: string[];
  batters: string[];
  /** Lower-cased team words, so "Boston" is not read as a player. */
  teamWords?: string[];
}

export interface Names {
  pitcher: string | null;
  batter: string | null;
}

/** Strip accents and case so "Peña" matches "pena"; keeps a map back to the original positions. */
export function foldText(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = text[i]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2019\u2018]/g, "'");
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
  }
  map.push(text.length);
  return { folded, map };
}

export const foldName = (name: string) => foldText(name).folded.replace(/\s+/g, " ").trim();
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SUFFIX = /\s+(?:jr\.?|sr\.?|ii|iii|iv)$/;
export const surnameOf = (name: string) => foldName(name).replace(SUFFIX, "").split(" ").pop() ?? "";

interface Mention {
  role: "pitcher" | "batter";
  index: number;
  text: string;
  full: boolean;
  departing: boolean;
}

function rosterMentions(original: string, roster: NameRoster): Mention[] {
  const { folded, map } = foldText(original);
  const surnameCount = new Map<string, number>();
  for (const n of [...roster.pitchers, ...roster.batters]) surnameCount.set(surnameOf(n), (surnameCount.get(surnameOf(n)) ?? 0) + 1);
  const found: Mention[] = [];
  const scan = (names: string[], role: Mention["role"]) => {
    for (const name of names) {
      const full = foldName(name);
      const sur = surnameOf(name);
      const forms = [full, full.replace(SUFFIX, "")];
      if ((surnameCount.get(sur) ?? 0) === 1) forms.push(sur);
      const re = new RegExp(`(?<![\\p{L}])(${[...new Set(forms)].sort((a, b) => b.length - a.length).map(esc).join("|")})(?![\\p{L}])`, "gu");
      let m: RegExpExecArray | null;
      while ((m = re.exec(folded)) !== null) {
        const start = map[m.index]!;
        const end = map[m.index + m[0].length] ?? original.length;
        const before = folded.slice(Math.max(0, m.index - 22), m.index);
        const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 30);
        // A batter replaced by a pinch-hitter, or a runner who scores, is not the one at the plate.
        const departing = (role === "batter" && (/(?:(?:hitting|batting|running) for|in place of|replac(?:es|ing)|out goes) $/.test(before) ||
            /^,? (?:scored|scores|comes (?:around|in|home)|came (?:around|in|home)|crosses|crossed|races home|raced home|steals|stole|advances|advanced|is thrown out|was thrown out)/.test(after))) ||
          (role === "pitcher" &&
          (/(?:replac(?:es|ing)|in place of|relieves|relieving|lifts?|lifted|pulls?|removes?|for|after) $/.test(before) ||
            /^(?:'s? (?:night|work|day|outing)|,? (?:is|was) (?:done|finished|through)|,? hands the ball|,? heads to the showers|,? exits|,? departs)/.test(after)));
        found.push({ role, index: start, text: original.slice(start, end), full: m[0] !== sur || !full.includes(" "), departing });
      }
    }
  };
  scan(roster.pitchers, "pitcher");
  scan(roster.batters, "batter");
  return found.sort((a, b) => a.index - b.index);
}

const NAME = "(\\p{Lu}(?:\\.|[\\p{L}'’-]+)(?:\\s+(?:\\p{Lu}(?:\\.|[\\p{L}'’-]+)|de|del|de la|van|von|da|Jr\\.?|Sr\\.?|II|III|IV))*)";
const STOP = new Set(
  ("the a an on with ball strike top bottom he his him it that this here and now foul count pitch swing what there they " +
    "two one three four full first second third fourth inning bases runners runner nobody no out outs in at of to for " +
    "off fastball slider curve curveball changeup cutter sinker splitter sweeper looking swinging called umpire mph " +
    "home away visitors hosts after before but so then just still high low inside outside oh wow yes and, ball, strike, " +
    "we well meanwhile meanwhile, pitching mound visit time score tied leads end middle bot btm t b").split(" "),
);
const PITCHER_AFTER = "(?:'s? (?:\\w+ )?(?:pitch|fastball|heater|slider|curve|curveball|changeup|change-up|cutter|sinker|splitter|sweeper|offering|delivery|four-seamer|two-seamer|knuckle-curve)|\\s(?:delivers|deals|fires|throws|pitches|hurls|comes set|kicks|rears|winds|toes|looks in|gets the sign|uncorks|spins|snaps|serves|reaches back|with (?:a|an|his|the) (?:\w+[\s-])?(?:fastball|heater|slider|curve|curveball|changeup|change-up|cutter|sinker|splitter|splitty|sweeper|four-seamer|two-seamer|knuckle-curve|hook)|,[^,.]{3,30}, (?:spins|fires|deals|delivers|throws|snaps)|offers|is on the mound|on the mound|from the stretch|sets|checks the runner|bounces|misses|paints|freezes|buries|drops|spots|challenges|dots|works|starts|gets|pumps|brings|climbs|comes (?:back )?with|dials|unleashes|flips|lobs|tosses|feeds|zips|blows|strikes|rings|punches|sits|hits (?:him|the batter)|plunks|drills|walks (?:him|the batter)|comes in|comes on|enters|takes over|jogs in|is summoned|takes the mound|will pitch|trots in|is coming in|heads to the showers|is done|replaces))";
const BATTER_AFTER = "\\s(?:swings|takes|fouls|grounds|flies|lines|pops|singles|doubles|triples|homers|watches|checks|lays off|steps in|digs in|at the plate|is at the plate|rips|lofts|chops|hits|drives|smacks|bunts|is hit|gets hit|waves|chases|laces|slaps|launches|crushes|fights|spoils|flails|can't|cannot|taps|tops|skies|bloops|barrels|jumps on|turns on|goes down|strikes out|struck out|is rung up|is caught|draws|earns|walks|works a walk|reaches(?! back)|legs|dumps|sends a|sends (?:a|an|the|it) [a-z -]{0,30}(?:soaring|deep|over|into|out)|rolls|puts|offers at|holds up|is down|is ahead|is behind|batting|up to bat|leads off)";
const PITCHER_BEFORE = "(?:pitcher|righty|lefty|right-hander|left-hander|righthander|lefthander|southpaw|hurler|reliever|starter|closer|ace|on the mound,?|now pitching:?|pitching:?|arm of|from|(?:steps|digs|stands) in against)\\s";
const BATTER_BEFORE = "(?:(?:strikes?|balls?|count|pitch|count is \\d-\\d) on|batter|hitter|at bat:?|at the plate:?|up is|up:|now batting:?|batting:?|to|faces|facing|vs\\.?|(?:count|full) on|versus|pinch-hitter|pinch hitter|leadoff man|catcher|shortstop|outfielder|infielder|slugger|rookie|veteran|designated hitter)\\s";

function cleanName(raw: string, exclude: Set<string>): string | null {
  const words = raw.split(/\s+/);
  while (words.length > 0 && (STOP.has(words[0]!.toLowerCase()) || exclude.has(words[0]!.toLowerCase()))) words.shift();
  const name = words.join(" ").replace(/['’]s$/, "").replace(/[.,!?:;]+$/, "");
  if (/^(?:one|two|three|oh|zero|no|full)(?:-|$)/i.test(name) || /\d/.test(name)) return null;
  if (!name || STOP.has(name.toLowerCase()) || exclude.has(name.toLowerCase())) return null;
  return name;
}

function grammarNames(original: string, teamWords: string[]): Names {
  const exclude = new Set(teamWords.flatMap((t) => t.split(/\s+/)));
  const find = (re: RegExp, group = 1) => {
    const m = re.exec(original);
    if (!m) return null;
    // Coaches, managers and umpires are named too, but they neither pitch nor bat.
    if (/\b(?:coach|manager|skipper|umpire|partner|announcer|owner|trainer)\s+$/i.test(original.slice(Math.max(0, m.index - 12), m.index + m[0].indexOf(m[group]!)))) return null;
    return cleanName(m[group]!, exclude);
  };
  const duel = find(new RegExp(`${NAME}\\s(?:vs\\.?|versus|against|faces|facing|to|deals to|pitching to|throws to|delivers to)\\s${NAME}`, "u"));
  const duelBatter = find(new RegExp(`${NAME}\\s(?:vs\\.?|versus|against|faces|facing|pitching to|deals to|throws to|delivers to)\\s${NAME}`, "u"), 2);
  const pitcher = find(new RegExp(`${NAME}${PITCHER_AFTER}`, "u")) ?? find(new RegExp(`(?<![\\p{L}])${PITCHER_BEFORE}${NAME}`, "u"));
  const batter = find(new RegExp(`${NAME}${BATTER_AFTER}`, "u")) ?? find(new RegExp(`(?<![\\p{L}])${BATTER_BEFORE}${NAME}`, "u"));
  return { pitcher: pitcher ?? duel, batter: batter ?? duelBatter };
}

const CHANGE = /pitching change|hands the ball over|is done for|night (?:is|was) over|jogs in|trots in|call goes to|coming in|in comes|in came|from the bullpen|to the bullpen|new pitcher|now pitching|takes over|replaces|summon/i;

/**
 * Pitcher and batter as written in the paragraph. With a roster, known names are found directly
 * (full name or unique surname, accents and case ignored); otherwise the grammar of the call decides
 * ("Cole deals to Judge", "Judge swings", "righty Cole").
 */
export function parseNames(original: string, roster?: NameRoster): Names {
  const fromGrammar = grammarNames(original, roster?.teamWords ?? []);
  if (!roster) return fromGrammar;
  const mentions = rosterMentions(original, roster);
  const pick = (role: Mention["role"]) => {
    const mine = mentions.filter((m) => m.role === role);
    const arriving = mine.filter((m) => !m.departing);
    if (role === "batter" && arriving.length === 0) return null;
    // In a pitching change the newcomer is named after the pitcher leaving.
    const change = role === "pitcher" && CHANGE.test(original);
    const first = (change ? arriving[arriving.length - 1] ?? mine[mine.length - 1] : arriving[0] ?? mine[0]) as Mention | undefined;
    if (!first) return null;
    const fuller = mine.find((m) => m.full && m.text.toLowerCase().endsWith(first.text.toLowerCase()));
    return (fuller ?? first).text;
  };
  // A name the roster gives to the other role is not a guess worth keeping.
  const known = (name: string | null, names: string[]) => name !== null && names.some((n) => surnameOf(n) === surnameOf(name));
  return {
    pitcher: pick("pitcher") ?? (known(fromGrammar.pitcher, roster.batters) ? null : fromGrammar.pitcher),
    batter: pick("batter") ?? (known(fromGrammar.batter, roster.pitchers) ? null : fromGrammar.batter),
  };
}
