/** The help of the commands that `--help` lists, kept apart so printing it loads none of the commands. */
import { EXTRACTOR_ABOUT } from "../release/extractor-versions";

export const OPS_HELP = `Operations:
  health                         success rate, p50/p95 per task, errors, retries, cost per run and day, quarantine per check
  alerts [list]                  recent alerts and where each was delivered
  alerts evaluate <run>          evaluate the alert rules for a run (one alert per rule per run)
  alerts check                   evaluate runs still queued or running (late scheduled runs)
  alerts retry                   send again the alerts that could not be delivered
  release list                   versions of published_plays, the live one, and the release log
  release publish [--run R]      copy plays (of run R) into a new version, validate it, switch the view to it
  release switch <version>       make a validated version live        [--reason TEXT]
  release rollback               switch back to the previous version  [--reason TEXT]
  release prune [--keep N]       drop old version tables (never the live one or the rollback target; default keep 2)
  canary [--candidate NAME]      run NAME next to the current extractor on a sample; promote only if not worse:
         [--sample N]            the next \`npm start\` then extracts with it (default sample: CANARY_SAMPLE_SIZE)
${Object.entries(EXTRACTOR_ABOUT).map(([name, about]) => `                                   ${name.padEnd(19)} ${about}`).join("\n")}
`;

export const HELD_HELP = `Held rows (valid rows the quality gate kept from loading):
  held list                      runs with held rows: how many, how many still wait, and the run's row accounting
  held load RUN                  load RUN's held rows as they were validated (idempotent; a later run that loads them releases them too)`;
