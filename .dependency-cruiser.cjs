// The arrows of the house (shared/STYLE.md), checked by `npm run lint:deps` as part of `npm test`.
// Data flows extract → transform → validate → load → summarize; shared ground (config, errors, events,
// domain, db, util) imports no stage; stages import nothing above them (the in-process pipeline, the
// orchestrator, monitoring, releases, charts, notebooks, the lab, the CLI); and nothing is circular.
const STAGES = ["extract", "transform", "validate", "load", "summarize"];
const SHARED = "^src/(?:(?:domain|db|util)/|(?:config|errors|events)\\.ts$)";
const UPPER = "^src/(?:pipeline|orchestrate|monitor|release|charts|notebook|lab|cli)/|^src/index\\.ts$";

const forbidden = [];
STAGES.forEach((stage, i) => {
  for (const later of STAGES.slice(i + 1)) {
    forbidden.push({
      name: `${stage}-before-${later}`,
      comment: `${stage}/ runs before ${later}/ and must not import it (move the shared piece to db/, util/ or domain/)`,
      severity: "error",
      from: { path: `^src/${stage}/` },
      to: { path: `^src/${later}/` },
    });
  }
});
forbidden.push(
  {
    name: "shared-ground-imports-no-stage",
    comment: "config, errors, events, domain, db and util are used by every stage and import none of them",
    severity: "error",
    from: { path: SHARED },
    to: { path: `^src/(?:${STAGES.join("|")})/|${UPPER}` },
  },
  {
    name: "stages-import-nothing-above",
    comment:
      "a stage does not import the pipeline, orchestrator, monitoring, charts, notebooks, lab or CLI; " +
      "one exception: the LLM step checks its spending cap and prices (monitor/cost) before each request",
    severity: "error",
    from: { path: `^src/(?:${STAGES.join("|")})/` },
    to: { path: UPPER, pathNot: "^src/monitor/cost/" },
  },
  {
    name: "monitor-below-presentation",
    comment: "monitoring feeds charts and notebooks; it does not import them",
    severity: "error",
    from: { path: "^src/monitor/" },
    to: { path: "^src/(?:charts|notebook|lab|cli)/" },
  },
  {
    name: "src-not-scripts",
    comment: "the library does not import the project's scripts",
    severity: "error",
    from: { path: "^src/" },
    to: { path: "^scripts/" },
  },
  { name: "no-circular", comment: "no import cycles", severity: "error", from: { path: "^src/" }, to: { circular: true } },
);

module.exports = {
  forbidden,
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|dist" },
  },
};
