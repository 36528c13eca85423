export * from "./play";
export * from "./extraction";
export * from "./reference";
export * from "./mapping";
export * from "./enriched-play";
export * from "./ground-truth";
export * from "./count-rules";
export * from "./resolved-play";
