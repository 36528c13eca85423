import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, nameReaders } from "./fixtures/reading";
import { grammarNames } from "../../src/transform/offline/name-grammar";
import { mentionsIn } from "../../src/transform/roster/mention-roles";

// Round seven of the name readers: ways of calling a game that named the wrong man, each rule written on sentences of
// our own (several phrasings per rule, none a sentence of a test set).
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Hollis Brandt", team: "Gulls", throws: "R" },
    { pitcher_id: 2, name: "Ivo Marchand", team: "Gulls", throws: "L" },
    { pitcher_id: 3, name: "Sten Vukovic", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 11, name: "Caleb Dunmore", team: "Moles", position: "C", bats: "R" },
    { batter_id: 12, name: "Ruben Sandoval", team: "Moles", position: "SS", bats: "L" },
    { batter_id: 13, name: "Emil Tarrant", team: "Moles", position: "CF", bats: "R" },
    { batter_id: 14, name: "Wes Tarrant", team: "Gulls", position: "C", bats: "R" },
    { batter_id: 21, name: "Jonah Quist", team: "Gulls", position: "2B", bats: "L" },
    { batter_id: 22, name: "Omar Halvorsen", team: "Gulls", position: "1B", bats: "R" },
    { batter_id: 23, name: "Teo Falcone", team: "Gulls", position: "LF", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const { batter, pitcher } = nameReaders(refs, ["gulls", "moles"]);

describe("a break between halves named with a bare number sums up: no one is at work", () => {
  it.each([
    "End of five, and the Gulls still lead it. Quist was left at second, and Vukovic needed twenty pitches.",
    "Middle of three: Moles 2, Gulls 1. Brandt got Sandoval to fly out to end it.",
    "End of seven here, all even. Halvorsen grounded out to finish the half against Vukovic.",
  ])("%s", (text) => {
    expect(batter(text)).toBeNull();
    expect(pitcher(text)).toBeNull();
  });
});

describe("the catcher named by what he does with the pitch is not the batter", () => {
  it.each([
    "Curve in the dirt, and Dunmore has to come out of his crouch to smother it. Ball two.",
    "Ball in the dirt, and Dunmore comes up to throw, but nobody is going.",
    "Sinker low, Dunmore goes down to his knees and keeps it in front. Two and one.",
    "Fastball off the plate, Dunmore reaching across his body to grab it. One and two.",
    "Foul tip, it clips Dunmore's shin guard and rolls away. Still oh and two.",
    "A slider in the dirt, and Dunmore's got it blocked again. Two balls, no strikes.",
    "Foul tip, and Dunmore couldn't hang on to it. Stays two and two.",
    "The umpire says something that makes Dunmore chuckle behind the mask. Here's the pitch, high, ball one.",
  ])("%s", (text) => expect(batter(text)).toBeNull());
});

describe("a runner named by where he waits or how he gets back is not the batter", () => {
  it.each([
    ["Two out now, Quist still stuck at second. Called strike on the outside corner.", null],
    ["Pickoff throw, and Quist has to dive back into first. Safe.", null],
    ["Ball in the dirt, it skips away, and Quist goes into second without a throw.", null],
    ["The pitch is taken, ball one, and Quist fakes a break toward third before he strolls back.", null],
    ["One out, the tying run at second in Quist, and Teo Falcone at the plate.", "Teo Falcone"],
    ["Two gone, Quist the tying run at first, and Falcone is the last hope for the Gulls.", "Falcone"],
    ["Slider, bounced, and Dunmore smothers it. Quist isn't going anywhere.", null],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("a batter hit by the pitch goes to first: 'going to take his base' is no running", () => {
  it.each([
    "He hits him on the foot, and Falcone's going to take his base.",
    "Right off the hip, and Falcone is going to take his base. That one had to sting.",
  ])("%s", (text) => expect(batter(text)).toBe("Falcone"));
});

describe("a batter said to be up, at bat, or named as the pinch-hitter steps in", () => {
  it.each([
    ["Halvorsen flied out to end the sixth. Now Teo Falcone, who struck out his last time, is up.", "Teo Falcone"],
    ["Halvorsen made the last out last inning. Falcone's up.", "Falcone"],
    ["Halvorsen flied out his last time. Jonah Quist at bat now.", "Jonah Quist"],
    ["Two on, and the Gulls make a move: Halvorsen sits down, and the pinch hitter is Teo Falcone.", "Teo Falcone"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("a fielder named by where the ball goes, by his throw or by where he stands is not the batter", () => {
  it.each([
    ["Ground ball right at Sandoval, who flips to second for the force. Quist is out by a step.", "Quist"],
    ["Strike one, and a strong throw by Dunmore cuts down the runner at second.", null],
    ["Emil Tarrant shades toward left-center, and the pitch is a called strike.", null],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));

  it("a surname both sides share: the catcher at work is no batter, later in the paragraph too", () => {
    expect(batter("Pop-up behind the plate, Wes Tarrant throws off the mask and squeezes it. Wes Tarrant retires Emil Tarrant.")).toBe("Emil Tarrant");
    expect(batter("Foul pop, and Wes Tarrant flips his mask and makes the grab. That's Wes Tarrant getting Emil Tarrant, two away.")).toBe("Emil Tarrant");
  });
});

describe("the pitcher on the mound, not one who warms up, has been used, or is named in a what-if", () => {
  it.each([
    ["Halvorsen digs in, and Marchand is still throwing hard in the bullpen. Brandt deals, strike one.", "Brandt"],
    ["The skipper has already used Marchand, so the coach goes out to talk to Brandt instead.", "Brandt"],
    ["And now Quist, with two out. If Vukovic hangs a slider here, he could put it in the water.", "Vukovic"],
    ["Falcone steps in. When Vukovic gets ahead, he goes to the splitter.", "Vukovic"],
  ])("%s", (text, who) => expect(pitcher(text)).toBe(who));
});

describe("a place named after 'from' is no pitcher", () => {
  it.each([
    "Falcone steps in. He and his cousin are the two boys from Cedar Hollow, you know.",
    "Good evening, once again, from Lantern Park, where the wind is blowing out. Quist leads off.",
  ])("%s", (text) => expect(pitcher(text)).toBeNull());
});

// Roster discovery, round seven: people and places the calls name who play no part, in sentences of our own.
const roles = (text: string) => Object.fromEntries(mentionsIn(text).map((m) => [m.name, m.roles.sort().join(",")]));

describe("someone spoken to inside a quote is in the booth, not on the field", () => {
  it.each([
    ['Brill takes a strike. "He was sitting on the heater, Mo."', "Mo"],
    ['Two on now. "Mo, I have never seen a ball hit that hard."', "Mo"],
    ['"I was a catcher once, Mo, I know what that feels like." Ball two to Brill.', "Mo"],
    ['Brill steps in. "Trust me, Bea!" Called strike.', "Bea"],
  ])("%s", (text, who) => expect(roles(text)[who]).toBe("staff"));

  it("a name set off by commas outside a quote keeps the role its words give", () => {
    expect(roles("Next up, Brill. Brill swings and misses.").Brill).toBe("bat");
  });
});

describe("a place of old days or a place after 'from' is no player", () => {
  it("'the old X grounds' gives no role", () => {
    expect(roles("My uncle took me to the old Pine Hollow grounds.")["Pine Hollow"]).toBeUndefined();
    expect(roles("They played at the historic Elm Yard grounds back then.")["Elm Yard"]).toBeUndefined();
  });

  it.each([
    "Good night, once more, from Cobble Park, on a chilly evening.",
    "He is one of the boys from Maple Crossing, and his brother catches too.",
    "We are back, live from Gantry Field.",
  ])("%s", (text) => expect(grammarNames(text, []).pitcher).toBeNull());

  it("a pitch from a pitcher still names him", () => {
    expect(grammarNames("Here's the 2-1 from Brill, a slider away.", []).pitcher).toBe("Brill");
  });
});
