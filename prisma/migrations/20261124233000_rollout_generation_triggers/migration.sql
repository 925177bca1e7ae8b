-- The rollout overview caches its team rows (flags and gates) under the same generation as the
-- outcome dashboard (lib/outcomes/cache.ts). Gates and flags also read these tables, so a change
-- to any of them takes the next generation too.
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GateCriterion" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Finding" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TeamReadiness" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CohortControlTeam" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TeamDependency" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LearningCompletion" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LearningPath" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LearningPathItem" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StageAdvance" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
-- Users: only what a gate or flag reads (team, active, role), not sign-in bookkeeping.
CREATE TRIGGER outcome_rollup_generation_user AFTER INSERT OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation_user_update AFTER UPDATE OF "teamId", active, role ON "User" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
