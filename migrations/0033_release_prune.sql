-- Old blue-green versions can be dropped to reclaim space: their row stays, marked 'dropped',
-- and the prune is logged like every other release action.
ALTER TABLE release_versions DROP CONSTRAINT release_versions_state_check;
ALTER TABLE release_versions ADD CONSTRAINT release_versions_state_check
  CHECK (state IN ('loading', 'validated', 'rejected', 'dropped'));

ALTER TABLE release_log DROP CONSTRAINT release_log_action_check;
ALTER TABLE release_log ADD CONSTRAINT release_log_action_check
  CHECK (action IN ('stage', 'validate', 'reject', 'switch', 'rollback', 'promote', 'canary-reject', 'prune'));
