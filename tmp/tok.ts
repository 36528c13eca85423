import { loadTokenCounter } from "../src/monitor/cost";
import { readGroundTruth } from "../src/extract";
import { EXTRACTION_FIELDS, postPitchCount } from "../src/domain";
const c = await loadTokenCounter("gpt-4o");
const truth = readGroundTruth("data");
let full = 0, short = 0, pos = 0, omit = 0, bad = 0;
const R: any = { Ball: "B", Strike: "S", Foul: "F", "Swing and miss": "W", "In play - out": "O", "In play - hit": "H", "Hit by pitch": "P" };
for (const dir of ["data", "test/fixtures/blind-game-otters", "test/fixtures/blind-game-second"]) for (const t of readGroundTruth(dir) as any[]) {
  const pre = t.pre_pitch_balls !== null && t.pre_pitch_strikes !== null && t.pitch_result ? postPitchCount({ balls: t.pre_pitch_balls, strikes: t.pre_pitch_strikes }, t.pitch_result) : null;
  if ((pre?.balls ?? null) !== t.post_pitch_balls || (pre?.strikes ?? null) !== t.post_pitch_strikes) { bad++; if (bad < 5) console.log(dir, t.play_id, t.pre_pitch_balls, t.pre_pitch_strikes, t.post_pitch_balls, t.post_pitch_strikes, t.pitch_result); }
  if ((t.pitch_result === null ? null : t.pitch_result.startsWith("In play")) !== t.ball_in_play) { bad++; console.log("bip", dir, t.play_id); }
}
for (const [i, t] of (truth as any[]).entries()) {
  const e: any = { play_hash: t.play_hash }; for (const f of EXTRACTION_FIELDS) e[f] = t[f];
  full += c.count(JSON.stringify(e)) + 1;
  const s = { i: i % 20 + 1, n: t.inning_number, h: t.inning_half?.[0] ?? null, o: t.outs, sh: t.score_home, sa: t.score_away, p: t.pitcher_name, b: t.batter_name, r: t.runners_on_base, bb: t.pre_pitch_balls, bs: t.pre_pitch_strikes, t: t.pitch_type, v: t.pitch_velocity_mph, x: t.pitch_result ? R[t.pitch_result] : null };
  short += c.count(JSON.stringify(s)) + 1;
  omit += c.count(JSON.stringify(Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null)))) + 1;
  pos += c.count(JSON.stringify({ i: s.i, v: [s.n, s.h, s.o, s.sh, s.sa, s.p, s.b, s.r, s.bb, s.bs, s.t, s.v, s.x].map((x) => x ?? "").join("|") })) + 1;
}
console.log({ bad, full: full / 729, short: short / 729, omit: omit / 729, pos: pos / 729 });
