import type { Confidence, PitchResult, PitchTypeCode } from "../../domain/index";

/**
 * The offline extractor's vocabulary, written once: pitch names and nicknames, the scorer's pitch codes,
 * the result phrases of a call, and number words. Every parser builds its patterns from here, so a new
 * pitch nickname or a new way to call a home run is one line in this file (plus a row in
 * `data/pitch_types.csv` only for a new canonical pitch type).
 *
 * Patterns are regular-expression sources matched on lower-cased, number-normalized text
 * (`normalizeNumbers`: "ninety-five" → "95", "that one" → "that 1").
 */

// ── Pitch names ────────────────────────────────────────────────────────────────────────────────

/** One way broadcasters name a pitch, and what it means. */
export interface PitchTerm {
  /** Regular-expression source, matched on lower-cased text at word boundaries. */
  pattern: string;
  code: PitchTypeCode;
  /** How sure the word alone makes us: "fastball" is usually a four-seamer, not always. */
  confidence: Confidence;
  /** Words the pattern must read, as a narrator writes them (test/transform/lexicon.test.ts reads each in a call). */
  examples: string[];
}

const SEP = "[\\s-]?";

/**
 * The pitch-type vocabulary, most specific first: the first term that matches wins,
 * so "knuckle curve" is read before "curve" and "cut fastball" before "fastball".
 */
export const PITCH_TERMS: PitchTerm[] = [
  { pattern: `knuckle${SEP}curve(?:ball)?s?|spiked?${SEP}curve(?:ball)?s?|knuckle${SEP}curves?`, code: "KC", confidence: "high", examples: ["knuckle curve", "knuckle-curveball", "spike curve"] },
  { pattern: `(?:4|four)${SEP}seam(?:ed)?(?:er)?s?(?:${SEP}fast${SEP}balls?)?|(?:4|four)${SEP}seamers?`, code: "FF", confidence: "high", examples: ["four-seamer", "4-seam fastball", "four-seam"] },
  { pattern: `(?:2|two)${SEP}seam(?:ed)?(?:er)?s?(?:${SEP}fast${SEP}balls?)?|(?:2|two)${SEP}seamers?`, code: "SI", confidence: "high", examples: ["two-seamer", "2-seam fastball"] },
  { pattern: `sinking${SEP}fast${SEP}balls?|sinkers?|power sinkers?`, code: "SI", confidence: "high", examples: ["sinker", "sinking fastball", "power sinker"] },
  { pattern: `cut${SEP}fast${SEP}balls?|cutters?|cut balls?`, code: "FC", confidence: "high", examples: ["cutter", "cut fastball", "cut ball"] },
  { pattern: `sweepers?|sweeping sliders?`, code: "ST", confidence: "high", examples: ["sweeper", "sweeping slider"] },
  { pattern: `sliders?|slurves?`, code: "SL", confidence: "high", examples: ["slider", "slurve"] },
  { pattern: `circle${SEP}change(?:${SEP}ups?)?|change${SEP}ups?|changeups?|change of pace|straight${SEP}change(?:${SEP}ups?)?|change${SEP}pieces?`, code: "CH", confidence: "high", examples: ["changeup", "change-up", "circle change", "change of pace", "straight change", "change-piece"] },
  { pattern: `split${SEP}finger(?:ed)?(?:${SEP}fast${SEP}balls?)?|splitters?|splitty|splitties|split${SEP}fingers?|forkballs?|fork${SEP}balls?|splits?`, code: "FS", confidence: "high", examples: ["splitter", "splitty", "split-finger fastball", "forkball", "split"] },
  { pattern: `curve${SEP}balls?|curves?|(?:12|twelve)${SEP}to${SEP}(?:6|six)(?:${SEP}(?:curve(?:ball)?s?|hooks?|benders?))?|yakkers?|uncle charlie|benders?|hooks?|deuces?`, code: "CU", confidence: "high", examples: ["curveball", "curve", "12-to-6 hook", "yakker", "uncle charlie", "bender", "hook", "deuce"] },
  { pattern: `fast${SEP}balls?|heaters?|high heat|heat|cheese|hard (?:ones?|1)(?![\\s-]?hop)`, code: "FF", confidence: "medium", examples: ["fastball", "heater", "high heat", "heat", "cheese", "hard one"] },
  { pattern: `changes?`, code: "CH", confidence: "medium", examples: ["change"] },
  // ── Added for unseen games (issue 11): more of the broadcast's nicknames. ──
  { pattern: `sinker${SEP}balls?`, code: "SI", confidence: "high", examples: ["sinkerball"] },
  { pattern: `lord charles|(?:yellow )?hammer`, code: "CU", confidence: "medium", examples: ["lord charles", "yellow hammer", "hammer"] },
  { pattern: `cheddar`, code: "FF", confidence: "medium", examples: ["cheddar"] },
  { pattern: `palm${SEP}balls?|vulcan(?:${SEP}change)?`, code: "CH", confidence: "medium", examples: ["palmball", "vulcan change"] },
  // ── Round 2: the fastball's folksy names said with their adjective ("hard cheese", "high cheddar", "the hard stuff"). ──
  { pattern: `(?:hard|high|good|some) (?:cheese|cheddar)|(?:the )?hard stuff`, code: "FF", confidence: "medium", examples: ["hard cheese", "high cheese", "high cheddar", "hard stuff"] },
  // ── Round 6: the Spanish names a bilingual booth uses ("el cambio", "la curva", "la recta"). ──
  { pattern: `cambios?`, code: "CH", confidence: "medium", examples: ["cambio"] },
  // ── Round 7: a radio veteran's fastball ("brings the gas"; "out of gas" is a tired arm, a false friend). ──
  { pattern: `gas`, code: "FF", confidence: "medium", examples: ["gas"] },
  { pattern: `curvas?`, code: "CU", confidence: "medium", examples: ["curva"] },
  { pattern: `rectas?`, code: "FF", confidence: "medium", examples: ["recta"] },
];

/** Any pitch name of the vocabulary, as one regular-expression source (no capture groups). */
export const PITCH_NAME = `(?:${PITCH_TERMS.map((t) => t.pattern).join("|")})`;

/** Phrases with pitch words in them that name no pitch ("pitching change", "gets the hook", "splits the gap"). */
export const PITCH_FALSE_FRIENDS: RegExp[] = [
  /\bpitching changes?\b/g, /\bchange(?:s|d)? (?:pitchers|sides|of pitchers|the (?:pitcher|count))\b/g,
  /\b(?:gets?|got|give[sn]?|gave) (?:him )?the hook\b/g, /\bsplits? the (?:gap|outfielders|defense|plate)\b/g,
  /\bno change\b/g, /\bchange in (?:the )?\w+/g, /\bchanges? (?:speeds|eye levels|his|the|things)\b/g,
  /\bheat (?:index|of the)\b/g, /\b(?:there's|there is|we have|we've got|makes?|making|made|time for|with) a (?:pitching )?change\b/g, /\bhammer (?:it|1|away|down)\b/g, /\b(?:he |she |and )?hooks (?:it|1|the ball|a [a-z]+ (?:to|into|down|foul))\b/g, /\b(?:had |have |has |they )?split (?:the|a|their|both|these|those|\d|two|three)\b/g, /\bfeels? the heat\b/g,
  /\b(?:out of|low on|running on|no) gas\b|\bgas (?:tank|station|left|can)\b|\bgas in the tank\b/g,
];

// ── Scorer's pitch codes ───────────────────────────────────────────────────────────────────────

/**
 * Pitch codes a scorer or a box writes in capitals ("1-0 FF 96", "SL 84"): the reference table's own codes
 * and the common abbreviations that are not (FB, FT, CB, CT, SF, SPL).
 */
export const SCORER_CODES: Record<string, PitchTypeCode> = {
  ff: "FF", fb: "FF", ft: "SI", si: "SI", fc: "FC", ct: "FC", sl: "SL", st: "ST", cu: "CU", cb: "CU", kc: "KC", ch: "CH", fs: "FS", sf: "FS", spl: "FS",
};
/** The codes that stand for a pitch inside running text (two letters, written in capitals). */
const CODES_IN_TEXT = ["ff", "fb", "ft", "si", "fc", "sl", "st", "cu", "cb", "kc", "ch", "fs"];
/** Any scorer's code in lower-cased text, as a regular-expression source (no capture groups, no boundaries). */
export const PITCH_CODE = `(?:${CODES_IN_TEXT.join("|")})`;
/** A scorer's code in the original text, capitalized: group 1 is the code. */
export const PITCH_CODE_UPPER = new RegExp(`\\b(${CODES_IN_TEXT.map((c) => c.toUpperCase()).join("|")})\\b`);
/** How sure a code alone makes us: "FB" is a fastball, usually but not always a four-seamer. */
export const codeConfidence = (code: string): Confidence => (code.toLowerCase() === "fb" ? "medium" : "high");

// ── Result phrases ─────────────────────────────────────────────────────────────────────────────

/** A home run, however it is called: the words ("homer", "grand slam") and the exclamations ("Goodbye, baseball!", "that one's gone"). */
// The words, not when said not to be one: "not a homer", "almost a home run", "just short of a home run". (Looked
// behind once the word is read: a lookbehind opening the pattern would be tried at every word.)
const NOT_SAID = "\\b(?:not|no|nearly|almost|not quite|short of|wasn't|isn't|without) (?:an? |the )?";
export const HOME_RUN_CALL =
  `home[\\s-]?runs?(?! (?:man|hitter|hitters|threat|king|power|derby|record|pace|title|crown|swing))(?<!${NOT_SAID}home[\\s-]?runs?)|homers?(?<!${NOT_SAID}homers?)|homered|grand slam|goes yard|went yard|leaves the (?:yard|park)|out of (?:here|the park)|outta here|over the (?:wall|fence)|dingers?|round[\\s-]?tripper|moon ?shot|tater|` +
  "good ?bye,? (?:baseball|ball|home run)|say goodbye|kiss (?:it|that 1) goodbye|(?:that|this|and that|and this) (?:1|ball|baby)(?:'s| is| has)? (?:gone|outta here|out of here|long gone)|" +
  "(?:it's|it is|and it's|that's|he's|she's) (?:gone|outta here|out of here|long gone)|long gone|see (?:ya|you later)|into the (?:seats|stands|bleachers|upper deck|2nd deck|pool|water|bay|night)|" +
  "go(?:es)? deep|went deep|no[\\s-]doubter|touch 'em all|big fly";

/** A double play, in the scorer's letters or the broadcaster's words. */
export const DOUBLE_PLAY = "double play|twin killing|(?:2|two) for (?:the price of )?(?:1|one)|doubled (?:him |the runner )?off|turn(?:s|ed)? 2|dp|gidp|gdp";

/** An extra-base hit (for key moments), "double play" excluded by the caller. */
export const EXTRA_BASE_HIT = "doubles?|doubled|triples?|tripled|gapper|2-bagger|3-bagger|two-bagger|three-bagger";

/** A run coming in. */
export const RUN_SCORES = "scores?|scoring|rbi|runs? (?:in|home|scores?)|comes (?:in|home) to score|crosses the plate|plates? (?:a|the|two|three|\\d) runs?";

/**
 * What a phrase says happened on the pitch. `inPlay` is a ball put in play whose outcome
 * the phrase does not settle ("grounder to short"); `strikeout` is a third strike of unstated kind;
 * `strike` is a strike not said to be called or swinging; `take` a pitch not swung at (a called strike or a ball).
 */
export type ResultCue = PitchResult | "inPlay" | "strikeout" | "strike" | "take";

/** Where in the outfield, before the gap or the corner it went into: "the left-center gap", "the right-field corner". */
const FIELD_PART = "(?:(?:left|right|cent(?:er|re))(?:-cent(?:er|re))?(?:[\\s-]field)? )?";

/**
 * Round 9 (a student radio booth): a ball said by the pitch's flight out of the zone ("sails high", "tails wide of the
 * plate", "rides up and away"), of the pitch to the batter ("the 1-1 pitch to Ruiz is low") or as a ball thrown to him
 * ("then he throws a ball to Ruiz"). Folded into the Ball phrases every paragraph is searched with: on its own, with
 * no word every match must have, it would cost a search of its own.
 */
const BALL_SAID_OF_FLIGHT =
  "(?:sails?|sailed|rides?|rode|tails?|tailed|drifts?|drifted|floats?|floated|sinks?|sank|dives?|dove|breaks?|broke|bends?|darts?|veers?|veered) " +
    "(?:just |a little |a bit |way |well |too )?(?:high|low|outside|inside|wide|away|up and away|down and away|off the plate|out of the zone|into the dirt|in the dirt)(?![a-z-])|" +
    // Said of the pitch to the batter: "the 1-1 pitch to Ruiz is low", "the first offering to Ruiz was outside".
    "(?:pitch|offering|delivery) to [a-z'.-]+ (?:is|was) (?:just |a little |a bit |way |well )?(?:low|high|inside|outside|away|wide|up|in the dirt|off the plate|up and away|down and away)(?![a-z-])|" +
    // A pitch thrown as a ball to the batter: "then he throws a ball to Ruiz".
    "(?:throws|threw|fires|fired|delivers|delivered) (?:a )?ball(?: [1-4])? to (?!(?:short|1st|2nd|3rd|left|right|center|centre|the|home|him)\\b)[a-z]+";

/** The result phrases of a call, by what they say, in the language of the broadcast rather than any one narrator's templates. */
export const RESULT_PHRASES: Array<[ResultCue, string]> = [
  ["Hit by pitch",
    "hit[\\s-]by[\\s-](?:the |a )?pitch|hbp|hit (?:the batter|him|the hitter)|plunk(?:s|ed|ing)?|drill(?:s|ed)? (?:him|the batter)|" +
      "(?:takes|wears|took|wore) (?:one|1|it|a pitch|the pitch) (?:off|on|in) (?:the|his|her) (?:arm|elbow|hand|shoulder|back|leg|foot|knee|helmet|ribs|hip|thigh|wrist|forearm|shin|calf|backside|rear|side|head|ankle|toe)|nick(?:s|ed)? (?:him|the batter)|" +
      "graze[sd]? (?:him|the batter|his)|clip(?:s|ped)? (?:him|the batter)|bean(?:s|ed)|(?:hits?|struck|strikes|nails|nailed|drills|drilled|catches|caught|plunks|plunked|clips|clipped|grazes|grazed) (?:[a-z'.-]+ ){0,3}?(?:in|on|off) the (?:arm|elbow|hand|shoulder|back|leg|foot|knee|helmet|ribs|hip|thigh|wrist|forearm|shin|calf|backside|rear)|" +
      "(?:catches|caught) him on the|free base on a hit|awarded 1st"],
  ["In play - hit",
    "singles?(?![\\s-]a(?![a-z])|[\\s-]digits| (?:pitch|swing|inning|game|season|night|day|at-bat|moment|play|batter|word|time)\\b)|singled|single(?:s)? (?:to|up|through|into|past|over)|doubles?(?![\\s-]*(?:play|switch|him|up|digits)|[\\s-]a(?![a-z]))|doubled(?! off| up)|triples?(?![\\s-]*(?:play|digits)|[\\s-]a(?![a-z]))|tripled|" +
      "hr|[123]b (?:to|into|up|down|through|past|over|off) (?:the )?(?:lf|cf|rf|left|center|centre|right|short|middle|gap|wall|hole)|base (?:hit|knock)|[23][\\s-]?bagger|" +
      "gapper|for a hit|infield hit|bloop(?:er)? (?:hit|single)|clean hit|knock(?:s|ed)? in|rbi hit|off the foul pole|hit safely|safe at (?:1st|2nd|3rd) with a|" +
      `${HOME_RUN_CALL}|` +
      // Base hits in idioms: "into the gap", "finds a hole", "drops in", "off the wall" (not a pitch that drops in: the
      // cue reader has blanked the pitch's name as x's, "xxxxx drops in, called strike", "xxxxx, 79, drops in").
      `into the ${FIELD_PART}(?:gap|alley|corner)|in the ${FIELD_PART}gap|(?:finds|found|through|up) (?:a|the) (?:hole|middle)|` +
      // Through where a fielder was: "through the spot the shortstop left", "through the hole where the second baseman had been".
      `through (?:the (?:spot|hole|space|opening|area) (?:where|that|the|he|she|just|left|vacated)|where the [a-z]+(?: [a-z]+)? (?:was|had been|just|used to)|the vacated)|(?<!\\bx+(?:,? \\d{2,3}(?:\\.\\d)?,?)? |pitch )(?:drops|dropped|falls|fell|bloops?) in(?! for (?:a |the )?(?:called )?strike| for (?:strike|ball)| there| on (?:him|the)| (?:a|an|the|his|1|another) [a-z-]+ for)|off the (?:wall|fence|monster)|` +
      "lines? (?:it|1|a [a-z-]+|the [a-z0-9-]+(?: [a-z-]+)?) into (?:left|center|centre|right)(?: field)?|for a base hit|legs? (?:it|1) out|beats? (?:it|the throw) out"],
  ["In play - out",
    "ground(?:s|ed)? (?:out|into|to|back|sharply|weakly|softly|routinely)|groundout|fl(?:y|ies|ied) (?:out|to)|flyout|fly ?ball (?:to|caught|out)|" +
      "line[sd]? (?:out|to|right at|directly)|lineout|pop(?:s|ped)? (?:out|up(?! foul)|to)|pop[\\s-]?up(?! foul)|pop[\\s-]?fly|foul(?:s|ed)? out|" +
      "double play|triple play|dp|gidp|gdp|twin killing|fielder'?s choice|force ?out|forced out|sacrifice (?:fly|bunt)|sac (?:fly|bunt)|" +
      "thrown out|throws? (?:him |it |the runner )?(?:out|on to 1st|over to 1st|across)|out at (?:1st|2nd|3rd|home)|retire[sd] (?:him|the batter)|" +
      "caught by|(?:caught|catches|grabs|snags|catching) it|(?:outfielder|fielder|baseman|shortstop|catcher|pitcher) (?:caught|catches|grabs|snags|gloves|squeezes)|caught (?:in|at|near|on) (?:the )?(?:left|right|center|shallow|deep|warning|track|gap|short)|makes? the (?:catch|play|grab)|hauls? (?:it )?in|gloves? it|squeezes? it|snags? it|routine (?:grounder|fly|play|out)|" +
      "easy out|for the (?:1st |2nd |3rd |final |last )?out|bounce[sd]? out|roll(?:s|ed)? (?:out|over|to)|tag(?:s|ged)? out|robs? him|taken away|no doubt about the catch|puts? (?:it|him) away on (?:a|the) (?:grounder|fly)|" +
      "throws? (?:to|on to|over to|across to) 1st|throws? him out|(?:taps?|tapped|bounces?|bounced|chops?|chopped|dribbles?) (?:it |1 |the [a-z0-9-]+(?: [a-z-]+)? )?(?:back )?to (?:the mound|the pitcher|short|2nd|3rd|1st)|" +
      "(?:squeezes|hauls in|gathers in|puts away|(?:settles?|settled|camps?|camped|drifts?|drifted|parks?|parked) (?:right )?(?:under|underneath|beneath)) (?:it|the fly|the liner|the ball|the pop(?:-up)?|that 1)|(?:doubled|picked) off|" +
      "(?:and )?(?:he|she)(?:'s| has) got it|(?:he|she) has it|right at (?!(?:the )?(?:knees|letters|belt|hands|waist|thighs|shins|ankles|top|bottom|heart|middle|corner|edge|black)\\b)(?:the )?[a-z]+|force (?:at|out|play)|for the force"],
  ["inPlay",
    "grounders?|ground ?balls?|choppers?|comebackers?|fly ?balls?|line drives?|liners?|bunts?|bunted|tappers?|dribblers?|bouncers?|nubbers?|rollers?|" +
      "puts? (?:it|the ball|one) in play|in play|" +
      // A ball hit somewhere, its outcome said elsewhere: "lifts it to left", "rolls it to short", "grounds it to second".
      "(?:grounds?|grounded|lines?|lined|lifts?|lifted|rolls?|rolled|pops?|popped|skies|skied|lofts?|lofted|bounces?|bounced|taps?|tapped|chops?|chopped|flares?|flared|dribbles?|hits?)(?: it| 1| the [a-z0-9-]+(?: [a-z-]+)?)?(?:\\.\\.\\.|…)? (?:to|into|toward|towards|right at|back to|up the|down the|in the air to|high to|deep to|hard)(?! (?:the )?(?:backstop|plate|dirt|screen))|hit (?:it|the ball)|hits (?:it|the ball|the (?:[\\w-]+ )?(?:pitch|offering|delivery))|hits (?:it|one|a ball) (?:to|toward)|slaps? (?:it|one)|chops? (?:it|one)|lofts? (?:it|one|a)"],
  ["Swing and miss",
    // (And a swing said by a noun: "a big cut and a miss", "a hack and a miss".)
    "(?:swing(?:s|ing)?|cuts?|hacks?|rips?|lunges?|whacks?|swipes?),? (?:and|&) (?:a )?(?:miss(?:es)?|whiff)|swinging k|swinging strike|swing(?:s|ing)? strike|swings? (?:right |clean |cleanly |completely |just )?(?:through|over|under)|swung (?:right |clean |just )?(?:through|over|under|and missed)|" +
      "whiff(?:s|ed)?|(?:struck|strikes?|strikes him|struck him|strike him) out swinging|fan(?:s|ned) (?:him|the (?:batter|hitter|side))|fanned|waves? (?:at|through)|waved at|empty swing|comes? up empty|" +
      "came up empty|(?<!(?:n't|not|never) )miss(?:es)? (?:it|everything|badly|completely)|goes down swinging|went down swinging|swinging strikeout|k swinging|bites? on|swing and miss|" +
      "swings and misses|swung on and missed|swung on and a miss|can'?t check (?:his|the) swing|(?<!(?:n't|not|never|the|a|to|for) )chases?(?: and misses| it| one| a| after|(?=[.!,;]))|chased (?:it|one|a|after)|" +
      // Swung early or fooled: "way out in front", "and he bites!".
      "(?:way |well |just )?out in front|bites(?=[!.,;])|(?:way|well|too|much too) early(?! in| on the)"],
  ["Strike",
    "called strike|k looking|looking k|backwards k|called k|called (?:1st|2nd|3rd) strike|strike called|called (?:a )?strike|called (?:for )?strike|gets the call|got the call|caught looking|(?:called|rung) out on strikes|" +
      "(?:strikes?|struck) (?:him )?out looking|looking at (?:a called )?strike|rings? (?:him )?up|rung up|punche[sd] (?:him )?out looking|" +
      "takes? (?:it |one )?(?:for|as) (?:a |strike )?(?:called )?strike|takes? strike|taken for (?:a )?strike|paints the (?:corner|black|edge)|" +
      "freezes? (?:him|the batter)|frozen|catch(?:es)? the (?:corner|edge|black)|backdoor(?:s|ed)? (?:it|him)?|" +
      "catch(?:es)? the (?:top|bottom|inside|outside|upper|lower)(?: edge| corner| part| half)?(?: of the (?:zone|plate|strike zone))?|(?:right|squarely|it's|is) on the (?:black|corner|edge)|nicks? the (?:corner|edge|black)|" +
      "watches (?:strike|a strike|a called strike)|takes? it (?:right )?down the middle|strike on the (?:inside |outside )?(?:corner|edge)"],
  // Taken without a swing: a called strike or a ball, so it counts only when nothing else says which.
  ["take", "doesn'?t (?:offer|swing)|no swing|takes? it(?! to| himself| over| across)|" +
    // The call said of the pitch, in the passive: "Sinker, knee-high, taken.", "taken down the middle".
    "taken(?= ?[.!;,]| (?:down the middle|on the (?:outside |inside |outer |inner )?(?:corner|black|edge)|for strike))"],
  ["strikeout", "strikes? (?:him )?out|struck (?:him )?out|strike ?outs?|punche[sd]? (?:him )?out|sits? him down|k'?s him|3 strikes"],
  ["strike", "strike [1-3]|(?:a|for a|another|it's a|that's a|for strike) strike|strike(?= [,.;!])"],
  ["Foul", "foul(?:s|ed)?(?! pole| territory| line)|fouled off|fights? (?:it|one) off|fought (?:it|one) off|spoils? (?:it|one|the pitch)|tips? it back|foul tip"],
  // ── Added for unseen games (issue 11): more of the broadcast's words for the same calls. ──
  // A foul fought off or tipped: "fights off a heater", "fought off the slider", "tipping it into the dirt", "tipped it back".
  ["Foul", "fights? off|fought off|fighting off|tip(?:s|ped|ping)? (?:it|1) (?:back|foul|off|away|into the dirt|into the (?:mitt|glove))|tip(?:s|ped)? it(?= ?[.!;])"],
  // A wild, flailing swing: "flails at it", "flailing at a hook in the dirt"; "waves right through it".
  ["Swing and miss", "flail(?:s|ed|ing)? (?:at|away at|helplessly at|over)|wav(?:es|ed|ing) (?:right |clean |cleanly |helplessly |weakly |feebly )(?:at|through|over|under)"],
  // A pitch taken where it missed: "taken low", "taken, outside", "taken up and away".
  ["Ball", "taken,? (?:just |a little |way |well )?(?:low|high|inside|outside|away|wide|up|off the plate|in the dirt|up and away|down and away)"],
  // Where the pitch missed, as a clause of its own after the pitch is named: "A slider, his fourth in a row, low."
  ["Ball", "(?<=, |[.!?] )(?:just |a little |a bit |way |well )?(?:low|high|outside|wide|up and away|down and away|in the dirt|off the plate)(?= ?[.!;])"],
  // A strike said after where it crossed: "on the corner, strike", "on the black for a strike".
  ["Strike", "on the (?:corner|black|edge|outside corner|inside corner),? (?:for a )?strike(?! [1-3]| zone)"],
  // A ball driven into the outfield or through the infield: "pokes it into right field", "pulls it through the right side",
  // "serves a single into left" — a base hit.
  ["In play - hit",
    "(?:lines?|lined|pokes?|poked|slaps?|slapped|rips?|ripped|drives?|drove|punches?|punched|serves?|served|shoots?|strokes?|stroked|pulls?|pulled|knocks?|knocked|bloops?|blooped|flicks?|flicked|dumps?|dumped|sends?|sent) " +
      "(?:it|1|(?:the|a|an|that) [a-z0-9-]+(?: [a-z-]+)?) (?:into|through|up|to) (?:left|center|centre|right|shallow (?:left|center|right))(?: field| center)?(?! (?:for an? out|foul)|,? (?:but|and) (?:[a-z]+ ){0,2}(?:[a-z]+'s|[a-z]+ is) (?:right |camped |waiting )?there)|" +
      "(?:through|up) the (?:right|left) side|through the infield|past (?:the |an? )?(?:diving |drawn-in |sliding |lunging )?[a-z]+ (?:at|into) (?:3rd|short|2nd|1st|left|center|right)"],
  // A ball hit to a fielder with a plain object: "bounces the slider to first", "lifts a lazy fly to left", "taps a roller back to the mound".
  ["inPlay",
    "(?:grounds?|grounded|lifts?|lifted|rolls?|rolled|bounces?|bounced|taps?|tapped|chops?|chopped|dribbles?|dribbled|skies|skied|lofts?|lofted|hits?) (?:a|an|the) (?:[a-z0-9-]+ ){0,2}?(?:to|toward|towards|back to|right at) (?!the (?:backstop|plate|screen))|" +
      // The hops of a ground ball: "a one-hopper to third", "a high hopper".
      "(?:[1-3]-|high |big |slow |routine )hoppers?"],
  // A ball hit into the outfield seats, over the wall: "hammers it into the left-field seats", "up the gap in left-center".
  ["In play - hit", "into the (?:left|right|center|centre)(?:[\\s-]field)? (?:seats|stands|bleachers|bullpen|pavilion|upper deck)|up the gap|the gap in (?:left|right)"],
  // A pitch the catcher has to block: "blocked by the catcher", "smothers it", "knocks it down in front of the plate".
  ["Ball", "(?:blocked|smothered) by the catcher|(?:blocks|smothers|knocks down|keeps in front)(?: it| the pitch)(?! foul)"],
  // A fly caught where it carried: "caught at the wall", "caught on the track".
  ["In play - out", "caught (?:at|against|on|near|in front of) the (?:wall|fence|track|warning track)|" +
    // A fielder waiting where the ball was hit: "but Diaz is right there", "and the shortstop's right there to take it".
    "(?:but|and) (?!(?:it|that|this|there|what)\\b)(?:[a-z]+ ){0,2}(?:[a-z]+'s|[a-z]+ is) (?:right |camped |waiting )?there(?= ?[.!,;]| to (?:make|take|catch|glove|squeeze|grab|haul))"],
  // A pitcher hitting the batter with a pitch, the batter named: "hit Pena with a 1-1 sinker", "plunks Ruiz with a heater".
  ["Hit by pitch", "(?:hits?|plunks?|plunked|drills?|drilled|nails?|nailed|beans?|beaned) (?!(?:it|1|a|an|the|that|this|his|one|him|them|everything)\\b)[a-z'.-]+(?: [a-z'.-]+)? with (?:a|an|the|his|that)\\b"],
  // The pitch hitting the batter said plainly: "and it hits him!", "the pitch clips him", "hit batsman".
  ["Hit by pitch", "(?:it|the pitch|that 1|and|(?:and )?(?:he|she)) (?:hits|hit|clips|clipped|grazes|grazed|catches|nails|nailed|drills|drilled) him\\b(?! (?:with|for))|hit batsman|hit batter"],
  // A batter safe on an error put the ball in play and got no hit: "reaches on an error by the shortstop", "boots it".
  ["In play - out", "(?:reaches|reached|is safe|safe) on (?:an? )?(?:throwing |fielding |two-base )?error|(?:an? )?error (?:by|on) the (?:[a-z]+ ?){1,2}|boots? (?:it|the ball)|booted (?:it|the ball)|bobbles? (?:it|the ball)|bobbled (?:it|the ball)"],
  // A strikeout said by who got whom: "got him looking", "gets him swinging", "sat him down swinging"; "punchout!".
  ["Strike", "(?:got|gets|caught|catches) him looking"],
  ["Swing and miss", "(?:got|gets) him swinging|(?:sat|sits) him down swinging"],
  ["strikeout", "punch[\\s-]?outs?|(?:sat|sits) him down"],
  // A ball leaving the park said in a word: "...and gone!", "Adios!", "Sayonara!".
  ["In play - hit", "and gone(?= ?[!.])|adios|sayonara|bye[\\s-]bye"],
  // A ball hit with an adverb before where it went: "hit sharply to first", "hit hard on the ground"; the fielder
  // taking the bag himself: "steps on the bag".
  ["inPlay", "hit (?:sharply|hard|softly|weakly|slowly|high|deep|well|sky-high) (?:to|toward|towards|into|on the ground|in the air|up the)"],
  ["In play - out", "steps on (?:the bag|the base|1st|2nd|3rd)(?: himself)?(?! (?:for|and))|touches (?:the bag|1st) (?:himself|for the out)"],
  // The scorer's call on a ball in play: "that'll go down as a hit", "ruled a single", "scored a base hit".
  ["In play - hit", "(?:goes|go|went) down as (?:a|an) (?:hit|single|double|triple|base hit|infield hit)|(?:ruled|scored|called) (?:a|an) (?:hit|single|double|triple|base hit|infield hit)"],
  // A throw to first after a ball in play: "fires across to first", "flips to first", "tosses over to first".
  ["In play - out", "(?:fires|fired|flips|flipped|tosses|tossed|guns|gunned|whips|whipped)(?: it| him| the ball)? (?:across |over |on |down )?to 1st"],
  // A swing at a pitch out of the zone, fished for: "goes fishing for it", "fishes for a slider".
  ["Swing and miss", "go(?:es)? fishing|went fishing|fish(?:es|ed)? for"],
  // ── Added for unseen games, round 2 (issue 11): a fast radio call's shapes. ──
  // Where it missed as a clause of its own, at the paragraph's start or before the count: "High, and that evens it.",
  // "Then the pitch, outside, 1 and 1", "97, high, 2 balls"; and said of the pitch: "first pitch is high", "that 1's low".
  ["Ball",
    "(?<=^|, |[.!?] |\\.\\.\\. ?|… ?)(?:just |a little |a bit |way |well )?(?:low|high|outside|inside|wide|away|up and away|down and away|in the dirt|off the plate)(?: again)?(?=,? (?:ball|and|but|\\d)\\b|,$| ?[.!;,]|\\.\\.\\.)|" +
      "(?:pitch|1|offering|delivery|that|this|it)(?: is|'s| was) (?:just |a little |a bit |way |well )?(?:low|high|inside|outside|away|wide|up|in the dirt|off the plate|up and away|down and away|off)(?![a-z-])|" +
      // Missed by a lot: "way off", "well off the plate", "not even close", "nowhere near it".
      "(?:way|well|a bit|a little|just a bit|too far) off(?! (?:the mark|base|1st|2nd|3rd|the bag))|(?:not|nowhere) (?:even )?(?:close|near it|near the zone)|nowhere near(?= ?[.!,;—–]|$)|" +
      // A pitch thrown out of the zone on purpose: "he wastes one", "a waste pitch", "misses on purpose".
      "wastes? (?:1|a pitch|a [a-z-]+|that 1)|waste pitch|" +
      // The call with its subject left out: "Misses again.", "Misses, 3 and 1."
      "(?<=^|[.!?] |, )(?:just )?misse[sd](?: again| badly| wide| by a mile)?(?= ?[.!;,])|" +
      // The miss said of the pitch or of the pitcher: "Another one misses.", "Ortiz misses again", "misses with the hook".
      "(?:another|another 1|that 1|this 1|the pitch|the next 1) misse[sd]|misse[sd] (?:again|with (?:the|a|an|his|that|another))\\b"],
  // A pitch laid in the zone, the hitter not said to swing: "lays one in there", "grooves one", "sneaks a cutter over".
  ["take", "lays? (?:1|it|a [a-z-]+) (?:in|in there|over)|grooves? (?:1|it|a [a-z-]+)|sneaks? (?:1|it|a [a-z-]+) (?:over|in|past him|by him)|taking all the way|" +
    // The hitter only looking at it: "just stares at it", "looks at that 1", "watches it go by".
    "(?:stares?|stared|looks?|looked|gazes?|gazed|watches|watched) (?:at )?(?:it|1|that 1|that|the pitch)(?: go by| sail by| fly by| go past)?(?![a-z])|" +
    // Or standing still for it: "just stood there", "stands and admires it", "admired that one".
    "(?:stood|stands) (?:there|and (?:watched|watches|admired|admires|looked at|looks at|took|takes) (?:it|1|that 1|the pitch))|(?:admired|admires) (?:it|that 1|the pitch)"],
  // A strikeout in a letter or a phrase: "K!", "goes down on a curveball", "went down on strikes".
  ["strikeout", "(?<=^|[.!?] )k(?=!|\\. )|(?:goes|went|go) down on (?:strikes|a|an|the|3|that)"],
  // An extra-base hit said by what it earned, a ball ripped down a line: "extra bases!", "smoked down the third-base line".
  ["In play - hit", "extra bases|extra-base hit|(?:ripped|rips|smoked|smokes|lined|lines|drilled|drills|rocketed|rockets|hooked|hooks|sliced|slices) (?:it |1 )?down the (?:left-field |right-field |left |right |1st-base |3rd-base |1st base |3rd base )?line"],
  // A ball hit along the ground with a plain object before where it went: "dribbles a changeup down the first-base line".
  ["inPlay", "(?:grounds?|grounded|rolls?|rolled|bounces?|bounced|taps?|tapped|chops?|chopped|dribbles?|dribbled|pushes|pushed|drags?|dragged) (?:a|an|the|1|it) (?:[a-z0-9-]+ )?(?:down|up|along) the (?:[a-z0-9-]+ )?line"],
  // A fielder tagging the batter-runner: "tags him", "tags the runner".
  ["In play - out", "tags? (?:him|the runner|the batter|the batter-runner)(?! up)"],
  // A pitch too good to hit, or a swing that could not stop: "can't catch up to it", "blows it right by him", "can't hold up".
  ["Swing and miss", "(?:can'?t|couldn'?t|could not|cannot) (?:catch up (?:to|with)|get around on|touch|hold up on|hold up|stop his swing|check (?:it|his swing|the swing))(?: it| that 1| that| the [a-z-]+)?|blows? (?:it|1|a [a-z-]+|the [a-z-]+) (?:right )?(?:by|past) (?!the (?:catcher|backstop))[a-z]+|nothing but air|fans on it"],
  // A swing named by another verb, then the miss: "offers and misses", "hacks and misses", "takes a cut and misses",
  // "lunges at it and misses", "reaches for it and comes up empty".
  ["Swing and miss",
    "(?:offers?|offered|hacks?|hacked|lunges?|lunged|reaches?|reached|cuts?|rips?|ripped|goes after it|went after it|takes? a (?:cut|rip|hack|swing|big swing|mighty swing)|took a (?:cut|rip|hack|swing))(?: at it| at 1| for it| at the pitch)?(?:,? (?:and|but)|,) (?:he )?(?:misses|missed|comes up empty|came up empty|gets nothing|got nothing|finds nothing|catches nothing)"],
  // A pop-up said with its object between: "pops it up behind second", "popped 1 up to short".
  ["In play - out", "pop(?:s|ped)? (?:it|1|the [a-z-]+) up(?! foul)"],
  // A ball hit to a fielder with an adverb: "grounds it right back to the box", "bounces 1 straight to short";
  // a hard-hit ball named by its nouns: "hits a rocket", "smokes a liner", "a bullet right at him".
  ["inPlay",
    "(?:grounds?|grounded|rolls?|rolled|bounces?|bounced|taps?|tapped|chops?|chopped|hits?|lines?|lined|smokes?|smoked|rips?|ripped|scorches|scorched)(?: it| 1| the [a-z0-9-]+)? (?:right|straight|sharply|hard|softly|weakly|routinely|over|out|on the ground) (?:back )?(?:to|at|toward)|" +
      "(?:hits?|rips?|ripped|smokes?|smoked|lashes|lashed|crushes|crushed|scorches|scorched|sends?|sent) (?:a|an) (?:[a-z-]+ )?(?:rocket|bullet|laser|screamer|scorcher|missile|frozen rope|seed|shot)s?"],
  // A fielder catching a ball in a verb of his own: "snares it", "spears the liner", "pockets it", "reels it in".
  ["In play - out", "(?:snares?|snared|spears?|speared|nabs?|nabbed|pockets?|pocketed|plucks?|plucked|corrals?|corralled|collars?|collared|hauls?|hauled) (?:it|the (?:liner|fly|pop|pop-up|ball|line drive|rocket|bullet|throw))(?! (?:foul|off|away))|reels? (?:it|the fly|the liner) in"],
  // A ball that lands for a hit, said of the ball: "it drops!", "falls in", "lands safely"; a flare into the outfield.
  ["In play - hit", "(?:it|that|the ball|and it) (?:drops|falls|lands)(?: in| safely| for a hit)?(?= ?[!.,;]| in front)|(?:falls|lands|drops) safely|flares? (?:it|1|a [a-z-]+) (?:into|to) (?:shallow )?(?:left|center|centre|right)"],
  ["Ball",
    // A wild pitch or passed ball is a pitch not swung at: a ball.
    "wild (?:1|pitch)|passed ball|gets (?:by|past|away from) the catcher|skips? (?:by|past) the catcher|to the backstop|" +
      "ball [1-4]|base on balls|bb|ibb|(?<!long |slow )walk(?:s|ed)?(?![\\s-]off| to| out| back| up| in| over| away| (?:it|them|this 1|the game) off)|free pass|(?<!(?:the|a|his|that|this) )ball (?:low|high|inside|outside|away|wide|in the dirt|up|down|just|off)|" +
      "(?:a|for a|called a|it's a|that's a|takes a|just a|call it a|another|taken for a) ball(?! in play| to| into| hit| off| back| over| past| through| up| down| game| club| park| field| players?)|" +
      "miss(?:es)? (?:high|low|inside|outside|away|wide|up|down|off the plate|the zone|the corner|just|by)|missed (?:high|low|inside|outside|away|wide|up|down)|" +
      "in the dirt|spiked|bounce[sd] it|too (?:high|low|far)|just off|off the plate|out of the zone|outside the zone|doesn'?t get the call|" +
      "no good|lays? off|laid off|takes? it (?:low|high|outside|inside|away|wide)|(?<!(?:tries|tried|trying) to )checks? (?:his|the) swing|checked swing|high and tight|up and in|" +
      // Where the pitch went, said of it: "but it's high", "just misses", "way up", "under the zone", "doesn't chase".
      "(?:it's|it is|and it's|but it's|that's|but that's) (?:just |a little |a bit |way |well )?(?:low|high|inside|outside|away|up|wide|in the dirt|off the plate|up and away|down and away)|" +
      "(?:just|barely|narrowly) misses|gets out of the way|(?:doesn'?t|does not|didn'?t|won'?t) (?:chase|bite|go|offer at it)|pulls the bat back|(?<!(?:n't|not|never) )holds? up(?! on| at)|" +
      "(?:under|below|above|beneath) the zone|(?:way|well|a little|a bit|just) (?:up|high|low|outside|inside|away|wide)(?! the| of)|runs (?:inside|in on him|away)|spikes|bounced(?! to| back| out| off| a| it)" + `|${BALL_SAID_OF_FLIGHT}`],
  // ── Round 6: a terse TV call's shapes, the pitch named and then what it did in a word or two. ──
  // Where it missed, said of another pitch like the last: "Another one outside.", "another lob, well wide", "the fourth one wide".
  ["Ball", "(?:another|1 more|the [2-4](?:nd|rd|th)) (?:1|pitch|lob|toss|offering|delivery|x+),? (?:just |way |well |a little |a bit )?(?:outside|inside|low|high|wide|away|in the dirt|off the plate)(?![a-z])|" +
    // Missed below the zone or before the plate: "just below the knees", "short of the plate"; a walk given on purpose.
    "(?:just |a bit |a little |well )?(?:below|beneath|under) the knees|(?:bounces |bounced |just |well )?short of the plate|intentional(?:ly)? walk(?:s|ed)?|" +
    // The hitter holding his swing, said without "up": "Splitter, he holds.", "and he holds off". (The word first, then what
    // comes before it: a pattern opening on a lookbehind is tried at every word.)
    "holds(?<=(?:^|[.!?,;] )(?:he |and he |but he |and |but )?holds)(?: off| back)?(?= ?[.!;,])"],
  // A swing behind the pitch: "and Ruiz is late", "a tick late on the heater" (a foul said with it wins: he got a piece).
  ["Swing and miss", "(?:is|was|'s|gets there|swings?|swung) (?:just |a tick |a hair |a beat |a little |way |too |well )?late(?: on it| on that 1| on the [a-z-]+)?(?= ?[.!;,]|$)"],
  // The pitch hitting him said of the batter: "He's hit!", "and he's been hit".
  ["Hit by pitch", "(?:he|she)(?:'s| is| has| was)(?: been)? hit(?= ?[.!])"],
  // The fielder taking the ball to the bag himself; a sacrifice said as the ruling alone ("Sacrifice. Runners move up.").
  ["In play - out", "takes? (?:it|the ball) (?:to (?:1st|the bag)(?: himself)?|himself)|sacrifice(?<=(?:^|[.!?] )sacrifice)(?= ?[.!,])"],
  // ── Round 8: a streaming booth's shapes. ──
  // How far it missed, said in a measure: "a couple of inches outside", "a foot high", "a hair low", "off the outer edge".
  ["Ball", "(?:(?:a couple of |a few |several |[2-6] )?inch(?:es)?|an inch|a foot|a hair|a tad|a smidge|a whisker) (?:off|outside|inside|high|low|wide|away|short|below|above|too (?:high|low|far))(?![a-z])|" +
    "off the (?:outer|inner|outside|inside) (?:edge|half|corner|part|black)|" +
    // Where it missed, said of the pitch by its name (blanked as x's) and its speed: "the sinker is low", "the heater, 97, is up".
    "x{3,}(?:,? \\d{2,3}(?:\\.\\d)?,?)? (?:is|was) (?:just |a little |a bit |way |well )?(?:low|high|inside|outside|away|wide|up|in the dirt|off the plate|up and away|down and away)(?![a-z-])"],
  // A pitch the bat goes over or past: "dives under the bat", "darts past his bat", "tumbles beneath the swing".
  ["Swing and miss", "(?:under|beneath|past|over|by) (?:the|his|her) (?:bat|swing|barrel)"],
  // The hitter only looking, all the way: "takes all the way", "took all the way".
  ["take", "(?:takes?|took) (?:it )?all the way"],
  // A two-strike pitch touched and no more: "stays alive", "keeps the at-bat alive", "ticks a slider back", "nicks it off the end".
  ["Foul", "(?<!(?:inning|rally|hopes?|threat|game|season) )(?:stays?|stayed|staying) alive|(?:keeps?|kept|keeping) (?:the at-bat|the at bat|himself|herself) alive|" +
    "(?:nick|tick)(?:s|ed|ing)? (?:it|1|(?:a|an|the) [a-z-]+) (?:off|back|foul|away)"],
  // A bunt put down and a ball topped: "gets it down", "lays the bunt down", "tops it toward third", "topped a slider to short".
  ["inPlay", "(?:gets?|got|lays?|laid|puts?) (?:it|1|the bunt|a bunt|a (?:good|perfect|nice) bunt) down|" +
    "(?:tops?|topped|topping|nubs?|nubbed|squibs?|squibbed|dinks?|dinked) (?:it|1|(?:a|an|the) [a-z0-9-]+(?: [a-z-]+)?) (?:to|toward|towards|back to|right at|up the|down the|in front)"],
  // A throw across the infield after a grounder: "fires across", "throws across in time".
  ["In play - out", "(?:fires|fired|throws|threw|flips|flipped|guns|gunned) (?:it |the ball )?across(?= ?[.!,;]| in time| to)"],
];

/**
 * Where a pitch went, said right after its name ("Sinker, away.", "Hook, in the dirt"): a ball. Said as a clause of its
 * own, a pitch that bounces, falls short or is down ("Curve bounces.", "Splitter, short.", "Changeup down.") missed too.
 */
export const MISS_LOCATION = "low|high|inside|outside|away|up|wide|in the dirt|bounced|in on the hands|off the plate|up and away|down and away|hits the dirt|bounces in front|in(?= ?[.!;])|misses(?! (?:the bat|everything|nothing))|(?:bounces|short|down)(?= ?[.!;,])";

/**
 * Where a pitch crossed the zone, said right after its name and speed with nothing else ("Cutter, 93, on the black.",
 * "Hook, 77, drops in."): not swung at, so a called strike unless the call says otherwise.
 */
export const ZONE_LOCATION = "(?:right |just )?(?:on the (?:outside |inside |outer |inner )?(?:black|corner|edge)|down the middle|(?:drops|dropped|breaks|bends|snaps) in)(?= ?[.!;]|$)";

/** The scorer's one- or two-letter result codes between separators ("| B |", "/ F /", "/ X"). */
export const RESULT_CODES: Record<string, ResultCue> = { b: "Ball", s: "Strike", cs: "Strike", ss: "Swing and miss", sw: "Swing and miss", f: "Foul", x: "inPlay", k: "strikeout" };

// ── Self-corrections ───────────────────────────────────────────────────────────────────────────

/** Phrases a narrator takes back what he just said with, whatever follows them ("two and one... excuse me"). */
export const SELF_CORRECTION_PHRASES = "sorry|correction|make that|rather|i mean|scratch that|my mistake|check that|wait|excuse me|pardon me|strike that";

/** Words a narrator takes back what he just said with ("a slider, no, make that a cutter"): the phrases, and a bare "no" or "nope" where a correction follows. */
export const SELF_CORRECTION = `no|nope|${SELF_CORRECTION_PHRASES}`;

// ── Number words ───────────────────────────────────────────────────────────────────────────────

export const NUMBER_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const NUMBER_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const NUMBER_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};
/** Words for zero that count only next to another number ("nothing and two", "one-nil"). */
export const ZERO_WORDS = "nothing|nought|naught|nil|zip";
