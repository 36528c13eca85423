/**
 * Colour-blind-safe colours. Okabe & Ito's palette ("Color Universal Design", 2008) stays
 * distinguishable for the common forms of colour blindness; Tableau's colour-blind 10 covers
 * charts with more categories. Every pair that means good/bad also gets a second cue (a shape,
 * a letter or a label), so no chart depends on colour alone.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
  /** Not part of the palette: the neutral grey used for "skipped" and "not applicable". */
  grey: "#999999",
} as const;

/** Tableau's colour-blind-safe ten, for categorical charts with more than a handful of categories. */
export const TABLEAU_COLOR_BLIND_10 = [
  "#1170aa", "#fc7d0b", "#a3acb9", "#57606c", "#5fa2ce", "#c85200", "#7b848f", "#a3cce9", "#ffbc79", "#c8d0d9",
] as const;

/** The outcome pair used across the charts: good in blue, bad in vermillion (never red against green). */
export const OUTCOME_COLOURS = {
  good: OKABE_ITO.blue,
  bad: OKABE_ITO.vermillion,
  warning: OKABE_ITO.orange,
  neutral: OKABE_ITO.grey,
} as const;
