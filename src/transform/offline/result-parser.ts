import type { PitchResult } from "../../domain/index";
import { findPitchTerms } from "./pitch-vocabulary";

/**
 * What a phrase says happened on the pitch. `inPlay` is a ball put in play whose outcome
 * the phrase does not settle ("grounder to short"); `strikeout` is a third strike of unstated kind;
 * `strike` is a strike not said to be called or swinging; `take` a pitch not swung at (a called strike or a ball).
 */
export type ResultCue = PitchResult | "inPlay" | "strikeout" | "strike" | "take";

export interface ResultMention {
  cue: ResultCue;
  index: number;
  phrase: string;
}

const B = "(?<![a-z])";
const E = "(?![a-z])";
const rx = (source: string) => new RegExp(`${B}(?:${source})${E}`, "g");

/** A home run, however it is called: the words ("homer", "grand slam") and the exclamations ("Goodbye, baseball!", "that one's gone"). */
const HOME_RUN_CALL = rx(
  "home[\\s-]?runs?|homers?|homered|grand slam|goes yard|went yard|leaves the (?:yard|park)|out of (?:here|the park)|outta here|over the (?:wall|fence)|dingers?|round[\\s-]?tripper|moon ?shot|tater|" +
    "good ?bye,? (?:baseball|ball|home run)|say goodbye|kiss (?:it|that 1) goodbye|(?:that|this|and that|and this) (?:1|ball|baby)(?:'s| is| has)? (?:gone|outta here|out of here|long gone)|" +
    "(?:it's|it is|and it's|that's|he's|she's) (?:gone|outta here|out of here|long gone)|long gone|see (?:ya|you later)|into the (?:seats|stands|bleachers|upper deck|2nd deck|pool|water|bay|night)|" +
    "go(?:es)? deep|went deep|no[\\s-]doubter|touch 'em all|big fly",
);

/** Whether a lower-cased, number-normalized paragraph calls a home run. */
export function callsHomeRun(lower: string): boolean {
  HOME_RUN_CALL.lastIndex = 0;
  return HOME_RUN_CALL.test(lower);
}

/** Cue phrases, read in the language of the broadcast rather than any one narrator's templates. */
const CUES: Array<[ResultCue, RegExp]> = [
  ["Ball", /(?<=\d{2} |\d mph )ball\b|\bball(?=[,;] ?\d-\d)/g],
  ["Hit by pitch", rx(
    "hit[\\s-]by[\\s-](?:the |a )?pitch|hbp|hit (?:the batter|him|the hitter)|plunk(?:s|ed|ing)?|drill(?:s|ed)? (?:him|the batter)|" +
      "(?:takes|wears|took|wore) (?:one|it|a pitch|the pitch) (?:off|on|in) |nick(?:s|ed)? (?:him|the batter)|" +
      "graze[sd]? (?:him|the batter|his)|clip(?:s|ped)? (?:him|the batter)|bean(?:s|ed)|(?:hits?|struck|strikes|nails|nailed|catches|caught|plunks|plunked) (?:[a-z'.-]+ ){0,3}?(?:in|on|off) the (?:arm|elbow|hand|shoulder|back|leg|foot|knee|helmet|ribs|hip|thigh|wrist|forearm|shin|calf|backside|rear)|" +
      "(?:catches|caught) him on the|free base on a hit|awarded 1st",
  )],
  ["In play - hit", rx(
    "singles?|singled|single(?:s)? (?:to|up|through|into|past|over)|doubles?(?![\\s-]*(?:play|switch|him|up|digits))|doubled(?! off| up)|triples?(?![\\s-]*play)|tripled|" +
      "homers?|homered|home[\\s-]?runs?|hr|[123]b (?:to|into|up|down|through|past|over|off) (?:the )?(?:lf|cf|rf|left|center|centre|right|short|middle|gap|wall|hole)|grand slam|base (?:hit|knock)|[23][\\s-]?bagger|goes yard|leaves the (?:yard|park)|" +
      "out of (?:here|the park)|outta here|over the (?:wall|fence)|gapper|for a hit|infield hit|bloop(?:er)? (?:hit|single)|dingers?|" +
      "moon ?shot|tater|round[\\s-]?tripper|clean hit|knock(?:s|ed)? in|rbi hit|off the foul pole|hit safely|safe at (?:1st|2nd|3rd) with a|" +
      // Home runs called in exclamations: "Goodbye, baseball!", "that 1's gone", "see ya", "into the seats", "he went yard".
      "good ?bye,? (?:baseball|ball|home run)|say goodbye|kiss (?:it|that 1) goodbye|(?:that|this|and that|and this) (?:1|ball|baby)(?:'s| is| has)? (?:gone|outta here|out of here|long gone)|" +
      "(?:it's|it is|and it's|that's|he's|she's) (?:gone|outta here|out of here|long gone)|long gone|see (?:ya|you later)|" +
      "into the (?:seats|stands|bleachers|upper deck|2nd deck|pool|water|bay|night)|went yard|go(?:es)? deep|went deep|no[\\s-]doubter|touch 'em all|big fly|" +
      // Base hits in idioms: "into the gap", "finds a hole", "drops in", "off the wall".
      "into the (?:gap|alley|corner)|in the gap|(?:finds|found|through|up) (?:a|the) (?:hole|middle)|(?:drops|dropped|falls|fell|bloops?) in|off the (?:wall|fence|monster)|" +
      "lines? (?:it|1|a [a-z-]+|the [a-z0-9-]+(?: [a-z-]+)?) into (?:left|center|centre|right)(?: field)?|for a base hit|legs? (?:it|1) out|beats? (?:it|the throw) out",
  )],
  ["In play - out", rx(
    "ground(?:s|ed)? (?:out|into|to|back|sharply|weakly|softly|routinely)|groundout|fl(?:y|ies|ied) (?:out|to)|flyout|fly ?ball (?:to|caught|out)|" +
      "line[sd]? (?:out|to|right at|directly)|lineout|pop(?:s|ped)? (?:out|up|to)|pop[\\s-]?up|pop[\\s-]?fly|foul(?:s|ed)? out|" +
      "double play|triple play|dp|gidp|gdp|twin killing|fielder'?s choice|force ?out|forced out|sacrifice (?:fly|bunt)|sac (?:fly|bunt)|" +
      "thrown out|throws? (?:him |it |the runner )?(?:out|on to 1st|over to 1st|across)|out at (?:1st|2nd|3rd|home)|retire[sd] (?:him|the batter)|" +
      "caught by|(?:caught|catches|grabs|snags|catching) it|(?:outfielder|fielder|baseman|shortstop|catcher|pitcher) (?:caught|catches|grabs|snags|gloves|squeezes)|caught (?:in|at|near|on) (?:the )?(?:left|right|center|shallow|deep|warning|track|gap|short)|makes? the (?:catch|play|grab)|hauls? (?:it )?in|gloves? it|squeezes? it|snags? it|routine (?:grounder|fly|play|out)|" +
      "easy out|for the out|bounce[sd]? out|roll(?:s|ed)? (?:out|over|to)|tag(?:s|ged)? out|robs? him|taken away|no doubt about the catch|puts? (?:it|him) away on (?:a|the) (?:grounder|fly)|" +
      "throws? (?:to|on to|over to|across to) 1st|throws? him out|(?:taps?|tapped|bounces?|bounced|chops?|chopped|dribbles?) (?:it |1 |the [a-z0-9-]+(?: [a-z-]+)? )?(?:back )?to (?:the mound|the pitcher|short|2nd|3rd|1st)|" +
      "(?:squeezes|hauls in|gathers in|puts away|settles under|camps under) (?:it|the fly|the liner)|(?:doubled|picked) off|" +
      "(?:and )?(?:he|she)(?:'s| has) got it|(?:he|she) has it|right at (?:the )?[a-z]+|force (?:at|out|play)|for the force",
  )],
  ["inPlay", rx(
    "grounders?|ground ?balls?|choppers?|comebackers?|fly ?balls?|line drives?|liners?|bunts?|bunted|tappers?|dribblers?|bouncers?|nubbers?|rollers?|" +
      "puts? (?:it|the ball|one) in play|in play|" +
      // A ball hit somewhere, its outcome said elsewhere: "lifts it to left", "rolls it to short", "grounds it to second".
      "(?:grounds?|grounded|lines?|lined|lifts?|lifted|rolls?|rolled|pops?|popped|skies|skied|lofts?|lofted|bounces?|bounced|taps?|tapped|chops?|chopped|flares?|flared|dribbles?|hits?)(?: it| 1| the [a-z0-9-]+(?: [a-z-]+)?)? (?:to|into|toward|towards|right at|back to|up the|down the|in the air to|high to|deep to|hard)(?! (?:the )?(?:backstop|plate|dirt|screen))|hit (?:it|the ball)|hits (?:it|the ball|the (?:[\\w-]+ )?(?:pitch|offering|delivery))|hits (?:it|one|a ball) (?:to|toward)|slaps? (?:it|one)|chops? (?:it|one)|lofts? (?:it|one|a)",
  )],
  ["Swing and miss", rx(
    "swing(?:s|ing)?,? (?:and|&) (?:a )?miss(?:es)?|swinging k|swinging strike|swing(?:s|ing)? strike|swings? (?:right |clean |cleanly |completely |just )?(?:through|over|under)|swung (?:right |clean |just )?(?:through|over|under|and missed)|" +
      "whiff(?:s|ed)?|(?:struck|strikes?|strikes him|struck him|strike him) out swinging|fan(?:s|ned) (?:him|the (?:batter|hitter|side))|fanned|waves? (?:at|through)|waved at|empty swing|comes? up empty|" +
      "came up empty|miss(?:es)? (?:it|everything|badly|completely)|goes down swinging|went down swinging|swinging strikeout|k swinging|bites? on|swing and miss|" +
      "swings and misses|swung on and missed|swung on and a miss|can'?t check (?:his|the) swing|(?<!(?:n't|not|never) )chases?(?: and misses| it| one| a| after|(?=[.!,;]))|chased (?:it|one|a|after)|" +
      // Swung early or fooled: "way out in front", "and he bites!".
      "(?:way |well |just )?out in front|bites(?=[!.,;])",
  )],
  ["Strike", rx(
    "called strike|k looking|looking k|backwards k|called k|called (?:1st|2nd|3rd) strike|strike called|called (?:a )?strike|called (?:for )?strike|gets the call|got the call|caught looking|(?:called|rung) out on strikes|" +
      "(?:strikes?|struck) (?:him )?out looking|looking at (?:a called )?strike|rings? (?:him )?up|rung up|punche[sd] (?:him )?out looking|" +
      "takes? (?:it |one )?(?:for|as) (?:a |strike )?(?:called )?strike|takes? strike|taken for (?:a )?strike|paints the (?:corner|black|edge)|" +
      "freezes? (?:him|the batter)|frozen|catch(?:es)? the (?:corner|edge|black)|backdoor(?:s|ed)? (?:it|him)?|" +
      "catch(?:es)? the (?:top|bottom|inside|outside|upper|lower)(?: edge| corner| part| half)?(?: of the (?:zone|plate|strike zone))?|(?:right|squarely|it's|is) on the (?:black|corner|edge)|nicks? the (?:corner|edge|black)|" +
      "watches (?:strike|a strike|a called strike)|takes? it (?:right )?down the middle|strike on the (?:inside |outside )?(?:corner|edge)",
  )],
  // Taken without a swing: a called strike or a ball, so it counts only when nothing else says which.
  ["take", rx("doesn'?t (?:offer|swing)|no swing|takes? it")],
  ["strikeout", rx("strikes? (?:him )?out|struck (?:him )?out|strike ?outs?|punche[sd]? (?:him )?out|sits? him down|k'?s him|3 strikes")],
  ["strike", rx("strike [1-3]|(?:a|for a|another|it's a|that's a|for strike) strike|strike(?= [,.;!])")],
  ["Foul", rx(
    "foul(?:s|ed)?(?! pole| territory| line)|fouled off|fights? (?:it|one) off|fought (?:it|one) off|spoils? (?:it|one|the pitch)|tips? it back|foul tip",
  )],
  ["Ball", rx(
    // A wild pitch or passed ball is a pitch not swung at: a ball.
    "wild (?:1|pitch)|passed ball|gets (?:by|past|away from) the catcher|skips? (?:by|past) the catcher|to the backstop|" +
    "ball [1-4]|base on balls|bb|ibb|walk(?:s|ed)?(?![\\s-]off| to| out| back| up| in| over| away)|free pass|ball (?:low|high|inside|outside|away|wide|in the dirt|up|down|just|off)|" +
      "(?:a|for a|called a|it's a|that's a|takes a|just a|call it a|another|taken for a) ball(?! in play| to| into| hit| off| back| over| past| through| up| down)|" +
      "miss(?:es)? (?:high|low|inside|outside|away|wide|up|down|off the plate|the zone|the corner|just|by)|missed (?:high|low|inside|outside|away|wide|up|down)|" +
      "in the dirt|spiked|bounce[sd] it|too (?:high|low|far)|just off|off the plate|out of the zone|outside the zone|doesn'?t get the call|" +
      "no good|lays? off|laid off|takes? it (?:low|high|outside|inside|away|wide)|checks? (?:his|the) swing|checked swing|high and tight|up and in|" +
      // Where the pitch went, said of it: "but it's high", "just misses", "way up", "under the zone", "doesn't chase".
      "(?:it's|it is|and it's|but it's|that's|but that's) (?:just |a little |a bit |way |well )?(?:low|high|inside|outside|away|up|wide|in the dirt|off the plate|up and away|down and away)|" +
      "(?:just|barely|narrowly) misses|gets out of the way|(?:doesn'?t|does not|didn'?t|won'?t) (?:chase|bite|go|offer at it)|pulls the bat back|holds? up|" +
      "(?:under|below|above|beneath) the zone|(?:way|well|a little|a bit|just) (?:up|high|low|outside|inside|away|wide)(?! the| of)|runs (?:inside|in on him|away)|spikes|bounced(?! to| back| out| off| a| it)",
  )],
];

// Phrases that also turn up in colour commentary ("hitters have chased out of the zone all year"):
// they count only when the paragraph shows a pitch being thrown.
const WEAK = /^(?:(?:right|squarely|it's|is) on the (?:black|corner|edge)|nicks? the .*|(?:just|barely|narrowly) misses|gets out of the way|holds? up|pulls the bat back|(?:doesn'?t|does not|didn'?t|won'?t) .*|(?:under|below|above|beneath) the zone|(?:way|well|a little|a bit|just) .*|runs .*|spikes|bounced|(?:it's|it is|and it's|but it's|that's|but that's) .*|(?:way |well |just )?out in front|bites|(?:and )?(?:he|she)(?:'s| has) got it|(?:he|she) has it|right at .*|out of the zone|outside the zone|in the dirt|high and tight|up and in|no good|just off|off the plate|lays? off|laid off|too (?:high|low|far)|spiked|looking|rings? (?:him )?up|rung up|frozen|freezes?.*|doesn'?t (?:offer|swing)|no swing|catch(?:es)? the .*|paints the .*|chase.*|bites? on|waves? .*|waved at|in play|fly ?balls?|ground ?balls?|line drives?|liners?|bunts?|grounders?|rollers?|fans?|fanned|strike ?outs?|gets the call|got the call|takes? strike|walk|walks|walked)$/;
const PITCH_EVIDENCE = /\b(?:(?:ff|fb|ft|si|fc|sl|st|cu|cb|kc|ch|fs) \d{2}|pitch|pitches|offering|delivery|deals|delivers|fires|throws|threw|hurls|comes with|goes with|works to|snaps off|spins|the \d-\d|count|mph|miles|on the gun|swings?|swung|takes|took|sees|watches|fastball|heater|slider|sweeper|curve|curveball|changeup|change-up|cutter|sinker|splitter|seamer|knuckle)\b/;

/** Whether a cue phrase can stand on its own, or needs other signs of a pitch in the paragraph. */
export function isWeakCue(phrase: string): boolean {
  return WEAK.test(phrase);
}

/** Whether the paragraph shows a pitch being thrown or taken, beyond a bare cue word. */
export function hasPitchEvidence(lower: string): boolean {
  return PITCH_EVIDENCE.test(lower) || findPitchTerms(lower).length > 0;
}

/**
 * The paragraph with sentences about other times blanked out (same length, so indexes still hold): earlier games
 * and innings, his day so far, a play before this one ("1 for 2 today with a double", "he singled home a run in the
 * 4th", "Marlowe's homer"), and relative clauses that look back ("who just pitched the top half").
 */
export function blankOtherTimes(text: string): string {
  // Sentences about other times ("a foul ball earlier tonight landed in a popcorn bucket") say nothing of this pitch,
  // nor do those about his day so far or an earlier play. Tested sentence by sentence: linear.
  let lower = text.replace(/[^.!?]+/g, (s) => (OTHER_TIMES.test(s) || EARLIER_PLAY.test(s) || PAST_IN_AN_INNING.test(s) ? " ".repeat(s.length) : s));
  lower = lower.replace(/\bwho (?:just|already|earlier) [a-z]+ed\b[^,.;!?]*/g, (s) => " ".repeat(s.length));
  return lower;
}

/** Words that put a sentence at another time than this pitch. Tested per sentence: linear, unlike one pattern spanning sentences. */
const OTHER_TIMES = /\b(?:earlier (?:tonight|today|in the (?:game|series|season|year))|last (?:night|year|season|time|week)|all (?:year|season)|this (?:series|season|year)|in game \d)\b/;
// "1 for 2 today with a double", "31 homers on the year", "he's already singled", "the sac fly that tied it",
// "after that double play", "Marlowe's homer, Webb's sac fly".
const EARLIER_PLAY = /\b(?:today|tonight|on the (?:year|season|night|day)|so far|already|\d for \d|in \d+ (?:starts|games|outings|trips|at-bats)|that (?:tied|won|gave|put|broke|made) it|after (?:that|the|his) (?:double play|homer|home run|walk|single|double|triple|strikeout|error|play)|[a-z]+'s (?:homer|home run|double|single|triple|sac fly|knock|blast|rbi))\b/;
// "He singled home the only run in the 4th."
const PAST_IN_AN_INNING = /\b(?:singled|doubled|tripled|homered|walked|struck out|grounded|flied|lined|popped|scored|drove)\b.*\bin the \d{1,2}(?:st|nd|rd|th)\b/;


/** Every result cue in a lower-cased, number-normalized paragraph, in reading order. */
export function findResultCues(text: string): ResultMention[] {
  let lower = blankOtherTimes(text);
  // A pitch's name is not a call: "a fast ball, low" is no ball yet, a "spiked curve" no spiked pitch.
  const blank = (t: string, start: number, end: number) => t.slice(0, start) + " ".repeat(end - start) + t.slice(end);
  const terms = findPitchTerms(lower);
  for (const term of terms) lower = blank(lower, term.index, term.index + term.text.length);
  const found: ResultMention[] = [];
  // A pitch named, then where it went: "Sinker, away.", "Slider low.", "Cutter — low", "Hook, in the dirt".
  for (const term of terms) {
    const after = lower.slice(term.index + term.text.length, term.index + term.text.length + 40);
    const m = /^(?:[\s,:;—–-]+(?:(?:at )?\d{2,3}(?:\.\d)?(?: mph)?[\s,:;—–-]+)?|\s+at \d{2,3}(?:\.\d)?,?\s+)(?:(?:and |but )?(?:it's |it is )?)(?:just |a little |a bit |way |well |up and |down and )?(low|high|inside|outside|away|up|wide|in the dirt|bounced|in on the hands|off the plate|up and away|down and away)\b/.exec(after);
    if (m) found.push({ cue: "Ball", index: term.index + term.text.length + m.index, phrase: m[1]! });
  }
  // Scorer's pitch codes between separators: "| B |", "/ F /", "/ X".
  const codes: Record<string, ResultCue> = { b: "Ball", s: "Strike", cs: "Strike", ss: "Swing and miss", sw: "Swing and miss", f: "Foul", x: "inPlay", k: "strikeout" };
  const coded = /(?:^|[|/])\s*(b|s|cs|ss|sw|f|x|k)\s*(?=[|/]|$)/g;
  let c: RegExpExecArray | null;
  while ((c = coded.exec(lower)) !== null) found.push({ cue: codes[c[1]!]!, index: c.index + c[0].indexOf(c[1]!), phrase: c[1]! });
  for (const [cue, re] of CUES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) found.push({ cue, index: m.index, phrase: m[0] });
  }
  // Sentence-initial "Ball." / "Ball, low." / "Strike!" — the terse call.
  for (const [cue, re] of [["Ball", /(?:^|[.!?;:]\s+)(ball)(?=[\s,.!;-])/g], ["strike", /(?:^|[.!?;:]\s+)(strike)(?=[\s,.!;-])/g]] as const) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) found.push({ cue, index: m.index + m[0].length - m[1]!.length, phrase: m[1]! });
  }
  return found.sort((a, b) => a.index - b.index);
}

// Outcomes of whole plate appearances told in the past tense: a list of them is a recap, not a pitch.
const OUTCOME = /\b(?:singled|doubled|tripled|homered|walked|struck out|fanned|flied out|flew out|grounded (?:out|into)|lined out|popped (?:out|up)|fouled out|reached (?:on|base)|was hit by|hit into|sacrificed)\b/g;
const RECAP_WORD = /\b(?:recap|summary|summing up|in the inning|that inning|the half(?:-inning)?|end of|through \d|after \d|line ?score|box score)\b/;

/** Whether the paragraph sums up several plays ("Pike singled, Winslow struck out, Beaumont grounded into a double play"). */
export function isRecap(lower: string): boolean {
  const n = (lower.match(OUTCOME) ?? []).length;
  return n >= 3 || (n >= 2 && RECAP_WORD.test(lower));
}
