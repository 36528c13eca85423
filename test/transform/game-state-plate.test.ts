import { describe, expect, it } from "vitest";
import type { Extraction, ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, readGame } from "./fixtures/reading";

// Who is at the plate and on the mound between the names a call gives: a man introduced with his day so far, a count
// that says the ball was not in play, a fielder of the side in the field, a name the pitchers table does not know.
// New sentences, written for these tests (Larks bat in the top, Moles in the bottom).
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" },
    { pitcher_id: 3, name: "Cal Hadley", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 12, name: "Ray Dunmore", team: "Moles", position: "C", bats: "R" },
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
    { batter_id: 21, name: "Sid Varela", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 23, name: "Abe Kowalski", team: "Larks", position: "1B", bats: "R" },
    { batter_id: 24, name: "Dev Park", team: "Larks", position: "2B", bats: "S" },
    ...["Ned Alcott", "Bo Quist", "Lyle Tran", "Oren Hask", "Pim Duarte", "Rafe Cole"].map((name, i) => ({ batter_id: 25 + i, name, team: "Larks", position: "OF", bats: "R" as const })),
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
// An extractor (the rules or an LLM) may read a field wrong: `misread` stands for that, row by row.
const read = (texts: string[], misread: Record<number, Partial<Extraction>> = {}) =>
  readGame(refs, texts, { prefix: "plate", teams: { home: "Moles", away: "Larks" }, misread });
const hit = { pitch_result: "In play - hit", ball_in_play: true } as const;

describe("a man introduced with his day so far is stepping in, not putting a ball in play", () => {
  for (const intro of ["Dev Park, 2-for-2 with a double tonight.", "Dev Park, who singled his last time up. Two on.", "And now Dev Park, the man with the homer in the first."]) {
    it(`"${intro}"`, () => {
      const { states } = read(["Top of the 3rd, nobody out. Hadley deals to Varela, and Varela grounds out to short.", intro, "Ball one, outside.", "Called strike on the corner."], { 1: hit });
      // No hit and no new plate appearance on the introduction: the next pitches are to Park, one out.
      expect(states[2]).toMatchObject({ batter_id: 24, outs: { value: 1 }, pre_pitch_balls: { value: 0 } });
      expect(states[3]).toMatchObject({ batter_id: 24, pre_pitch_balls: { value: 1 } });
    });
  }

  it("but a new man said to hit is his first pitch put in play", () => {
    const { states } = read(["Top of the 3rd, nobody out. Hadley deals to Varela, and Varela grounds out to short.", "Dev Park singles to right.", "Abe Kowalski up. Ball one."]);
    expect(states[2]).toMatchObject({ batter_id: 23, outs: { value: 1 } });
  });
});

describe("a count said to change on a pitch says the ball was not in play", () => {
  for (const [said, balls, strikes] of [["First pitch, high, one-oh.", 1, 0], ["Oh-oh pitch, he takes it for a strike, oh-and-one.", 0, 1]] as const) {
    it(`"Park, who doubled, one out. ${said}"`, () => {
      const { states } = read(["Top of the 3rd, nobody out. Hadley deals to Varela, and Varela grounds out to short.", `Park, who doubled, one out. ${said}`, "Ball, outside."], { 1: { ...hit, pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: balls, post_pitch_strikes: strikes } });
      expect(states[2]).toMatchObject({ batter_id: 24, outs: { value: 1 }, pre_pitch_balls: { value: balls }, pre_pitch_strikes: { value: strikes } });
    });
  }
});

describe("a man of the side in the field is not the batter", () => {
  it("mid plate appearance, the batter stays and the row's batter is no one", () => {
    const { states, mappings } = read(["Top of the 3rd. Hadley deals to Varela, ball one.", "Fouled back, Mensah lets it drop."]);
    expect(states[1]!.batter_id).toBe(21);
    expect(mappings.get("plate-1")!.batter_id).toBeNull();
  });

  it("before anyone is named at the plate, a fielder named is not taken for the batter", () => {
    for (const fielder of ["First pitch, foul, and Brandt lets it roll into the seats.", "Ball one, and Mensah waves at the crowd from short."]) {
      const { states, mappings } = read(["Top of the 3rd, nobody out. Hadley deals to Varela, and Varela flies out to left.", "Hadley to Kowalski, and Kowalski grounds out to short.", fielder, "Strike on the corner."]);
      expect(states[2]!.batter_id).toBeNull();
      expect(states[3]!.batter_id).toBeNull();
      expect(mappings.get("plate-2")!.batter_id).toBeNull();
    }
  });
});

describe("a name the pitchers table does not know does not take the mound", () => {
  for (const who of ["Rollie Voss", "Birdsall"]) {
    it(`${who} read as the pitcher`, () => {
      const { states } = read(["Top of the 3rd. Hadley deals to Varela, ball one.", "The manager waves his corners in.", "Strike, and Varela fouls the next one back."], { 1: { pitcher_name: who } });
      expect(states[1]!.pitcher_id).toBe(3);
      expect(states[2]!.pitcher_id).toBe(3);
    });
  }
});

describe("a man who reached base earlier in the half is a runner while another man bats", () => {
  for (const runnerLine of ["Hadley's first pitch is in the dirt; Varela hustles into second.", "Ball one. Varela gets a huge read off Hadley.", "Strike. Varela draws a throw over from Hadley."]) {
    it(`"${runnerLine}"`, () => {
      const { states, mappings } = read([
        "Top of the 3rd, nobody out. Hadley deals to Varela, and Varela singles to center.",
        "Dev Park steps in.",
        runnerLine,
        "Next pitch, ball, outside.",
      ]);
      expect(states[2]!.batter_id).toBe(24);
      expect(states[3]!.batter_id).toBe(24);
      expect(mappings.get("plate-2")!.batter_id).toBeNull();
    });
  }

  it("but a man named again before anyone else came up is still at the plate (the play that ended it was misread)", () => {
    const { states } = read(["Top of the 3rd, nobody out. Hadley deals to Varela, ball one.", "Varela gets a huge cut at a slider, strike.", "Ball two to Varela."], { 0: hit });
    expect(states[1]!.batter_id).toBe(21);
    expect(states[2]!.batter_id).toBe(21);
  });
});

describe("a man who reached and has been batted past is no batter between plate appearances", () => {
  it("named after the next man's plate appearance ended, before anyone else is named", () => {
    const { states } = read([
      "Top of the 3rd, nobody out. Hadley deals to Varela, and Varela singles to center.",
      "Dev Park steps in. Hadley's first pitch, and Park flies out to left.",
      "A word on Varela: three hits tonight already, and a lot of noise from the Larks fans.",
      "Ball one, outside.",
    ]);
    // Nobody has been named for the new plate appearance, and the order is not known yet.
    expect(states[2]!.batter_id).toBeNull();
    expect(states[3]!.batter_id).toBeNull();
  });
});

describe("when the order comes round again, the man who reached bats again", () => {
  it("a half in which the side bats around", () => {
    const others = ["Dev Park", "Abe Kowalski", "Ned Alcott", "Bo Quist", "Lyle Tran", "Oren Hask", "Pim Duarte", "Rafe Cole"];
    const { states } = read([
      "Top of the 3rd, nobody out. Hadley deals to Varela, and Varela singles to center.",
      ...others.map((n) => `${n} steps in. Hadley's first pitch, and ${n.split(" ")[1]} lines a single to left.`),
      "Sid Varela, up for the second time this inning, with the bases loaded.",
      "Ball one, outside.",
    ]);
    expect(states[9]!.batter_id).toBe(21);
    expect(states[10]!.batter_id).toBe(21);
  });
});

describe("the men due up, listed in order, teach the batting order", () => {
  for (const list of ["Bottom of the 1st. Mensah, Brandt and Dunmore due up for the Moles.", "Bottom of the 1st. Kofi Mensah, Eli Brandt, Ray Dunmore.", "Bottom of the 1st: Mensah and Brandt will bat first for the Moles."]) {
    it(`"${list}"`, () => {
      const { states } = read(["Top of the 1st. Hadley deals to Varela, and Varela grounds out.", list, "Ambrose deals to Mensah, and Mensah grounds out to short.", "Ball one, low.", "Strike, on the corner."]);
      expect(states[3]!.batter_id).toBe(14);
      expect(states[3]!.batter_name.source).toBe("inferred");
      expect(states[4]!.batter_id).toBe(14);
    });
  }

  it("but two men named together with no words of men due up teach nothing", () => {
    const { states } = read(["Top of the 1st. Hadley deals to Varela, and Varela grounds out.", "Bottom of the 1st. Ambrose has struck out Brandt and Dunmore twice each this year.", "Ambrose deals to Mensah, and Mensah grounds out to short.", "Ball one, low."]);
    expect(states[3]!.batter_id).toBeNull();
  });
});
