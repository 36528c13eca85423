import * as wb from "../../index";

/**
 * Promote a release through dev → staging → prod with blue-green switches: each environment
 * stages, validates and switches on its own; a rejected version stops the promotion, and a
 * failed smoke test rolls that environment back to what was live before.
 */
export async function deploy(envs: wb.Environments, candidate: Record<string, unknown>[], smokeTest: wb.SmokeTest): Promise<void> {
  for (const name of wb.ENVIRONMENTS) {
    const release = new wb.BlueGreenRelease(envs[name], { actor: `lab@${name}` });
    const outcome = await release.publish(candidate, { reason: `promote to ${name}` });
    if (!outcome.ok) {
      console.log(`${name}: release rejected (${outcome.problems.join("; ")}); promotion stopped`);
      return;
    }
    const problems = await smokeTest(name, envs[name]);
    if (problems.length > 0) {
      const back = await release.rollback(problems.join("; "));
      console.log(`${name}: smoke test failed, rolled back to version ${back}`);
      return;
    }
    console.log(`${name}: version ${outcome.version} live`);
  }
}
