export { discoverRoster, type DiscoveredPerson, type DiscoverRosterOptions, type ProposedRoster } from "./roster-discovery";
export { discoverTeams, type DiscoveredTeams } from "./team-discovery";
export { assertRosterCovers, measureRosterCoverage, type RosterCheckOptions, type RosterCoverage } from "./roster-coverage";
export { rosterFiles } from "./roster-files";
