-- A generation number for the outcome rollups: every statement that changes them takes the next
-- value. Readers cache computed dashboards under the generation they saw (lib/outcomes/cache.ts).
-- A sequence, not a row: writers never wait on each other for it.
CREATE SEQUENCE outcome_rollup_generation;

CREATE FUNCTION outcome_rollup_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('outcome_rollup_generation');
  RETURN NULL;
END
$$;

CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OutcomeTeamMonth" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveyTeamRollup" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveyTeamRespondents" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
-- Groups, sizes and phases come from these small tables: their changes count too.
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Team" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Cohort" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CohortMembership" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RolloutPhase" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RolloutPlan" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
CREATE TRIGGER outcome_rollup_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PulseSurvey" FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_bump_generation();
