import { describe, expect, it } from "vitest";
import { playHash } from "../../src/extract";
import { discoverRoster } from "../../src/transform/roster";
import { mergeRosters } from "../../src/transform/roster/roster-merge";
import type { RosterAnswer } from "../../src/transform/roster/roster-prompt";

// The model's roster merged into the rules' proposal, with the commentary as the judge of what a model may say.
const TEXTS = [
  "Top of the 1st. The Otters take the field. Luis Ortega deals to Sam Odom, ball one.",
  "Ortega deals again, Odom swings and misses.",
  "Ortega throws a slider, Odom grounds out to short.",
  "Now batting, Mateo Ortega. Luis Ortega's first pitch, a called strike.",
  "Luis Ortega to Mateo Ortega, fouled back.",
  "Bottom of the 1st. Kip Lane deals to Ana Ruiz, ball one.",
  "Lane deals, Ruiz lines a single to left.",
];
const plays = TEXTS.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) }));
const ids = { firstPitcherId: 101, firstBatterId: 201 };
const player = (p: Partial<RosterAnswer["players"][number]> & { name: string }): RosterAnswer["players"][number] => ({
  team: null, pitcher: false, batter: false, throws: null, bats: null, position: null, variants: [], ...p,
});

describe("mergeRosters", () => {
  const rules = discoverRoster(plays, ids);

  it("drops a player and the variants the text never writes, and says so", () => {
    const { roster, notes } = mergeRosters(rules, {
      home_team: null, away_team: null,
      players: [
        player({ name: "Luis Ortega", pitcher: true, variants: ["Luis Ortega", "Ortega", "Lou Ortega"] }),
        player({ name: "Jim Phantom", batter: true, variants: ["Phantom"] }),
      ],
    }, plays, ids);
    expect(roster.pitchers.map((p) => p.name)).toContain("Luis Ortega");
    expect([...roster.pitchers, ...roster.batters].map((p) => p.name)).not.toContain("Jim Phantom");
    expect(notes).toContain("Jim Phantom: the model lists him, but the text never writes the name: left out");
    expect(notes).toContain("Luis Ortega: variants not in the text dropped (Lou Ortega)");
    expect(Object.keys(roster.people.find((p) => p.name === "Luis Ortega")!.variants)).not.toContain("Lou Ortega");
  });

  it("a bare surname two players claim is added to neither; IDs are given anew, in order, from the first IDs", () => {
    const { roster } = mergeRosters(rules, {
      home_team: null, away_team: null,
      players: [
        player({ name: "Luis Ortega", pitcher: true, variants: ["Luis Ortega", "Ortega"] }),
        player({ name: "Mateo Ortega", batter: true, variants: ["Mateo Ortega", "Ortega"] }),
        player({ name: "Sam Odom", batter: true, bats: "L", variants: ["Sam Odom", "Odom"] }),
      ],
    }, plays, ids);
    // The model's claim adds the bare "Ortega" to neither; the rules' own reading (by role: "Ortega deals") stays.
    expect(Object.keys(roster.people.find((p) => p.name === "Mateo Ortega")!.variants)).not.toContain("Ortega");
    expect(rules.people.find((p) => p.name === "Luis Ortega")!.variants.Ortega).toBeGreaterThan(0);
    expect(roster.people.find((p) => p.name === "Luis Ortega")!.variants.Ortega).toBe(rules.people.find((p) => p.name === "Luis Ortega")!.variants.Ortega);
    expect(roster.pitchers.map((p) => p.pitcher_id)).toEqual(roster.pitchers.map((_, i) => 101 + i));
    expect(roster.batters.map((b) => b.batter_id)).toEqual(roster.batters.map((_, i) => 201 + i));
    expect(roster.batters.find((b) => b.name === "Sam Odom")?.bats).toBe("L");
  });

  it("keeps the teams of the rules unless the model names two teams the text writes", () => {
    const invented = mergeRosters(rules, { home_team: "Otters", away_team: "Comets", players: [] }, plays, ids);
    expect(invented.roster.teams).toEqual(rules.teams);
    const same = mergeRosters(rules, { home_team: "Otters", away_team: "Otters", players: [] }, plays, ids);
    expect(same.roster.teams).toEqual(rules.teams);
  });

  it("a person the rules listed and the model, asked, did not is left out with a note", () => {
    const listed = [...rules.pitchers, ...rules.batters].map((p) => p.name);
    expect(listed).toContain("Kip Lane");
    const { roster, notes } = mergeRosters(rules, { home_team: null, away_team: null, players: [player({ name: "Luis Ortega", pitcher: true, variants: ["Luis Ortega"] })] }, plays, ids);
    expect([...roster.pitchers, ...roster.batters].map((p) => p.name)).toEqual(["Luis Ortega"]);
    expect(notes.some((n) => n.startsWith("Kip Lane: the rules read a pitcher"))).toBe(true);
  });
});
