-- CreateTable
CREATE TABLE "OutcomeTeamMonth" (
    "teamId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "incidentsSev1" INTEGER NOT NULL DEFAULT 0,
    "incidentsSev2" INTEGER NOT NULL DEFAULT 0,
    "incidentsSev3" INTEGER NOT NULL DEFAULT 0,
    "incidentsSev4" INTEGER NOT NULL DEFAULT 0,
    "resolvedIncidents" INTEGER NOT NULL DEFAULT 0,
    "resolveSeconds" BIGINT NOT NULL DEFAULT 0,
    "businessHourInterruptions" INTEGER NOT NULL DEFAULT 0,
    "offHourInterruptions" INTEGER NOT NULL DEFAULT 0,
    "sleepHourInterruptions" INTEGER NOT NULL DEFAULT 0,
    "workloadMinutesWorking" INTEGER NOT NULL DEFAULT 0,
    "workloadMinutesLate" INTEGER NOT NULL DEFAULT 0,
    "workloadMinutesSleeping" INTEGER NOT NULL DEFAULT 0,
    "debtOpened" INTEGER NOT NULL DEFAULT 0,
    "debtOpenedPoints" INTEGER NOT NULL DEFAULT 0,
    "debtRepaid" INTEGER NOT NULL DEFAULT 0,
    "debtRepaidPoints" INTEGER NOT NULL DEFAULT 0,
    "throughputEntries" INTEGER NOT NULL DEFAULT 0,
    "featuresShipped" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutcomeTeamMonth_pkey" PRIMARY KEY ("teamId","month")
);

-- CreateTable
CREATE TABLE "SurveyTeamRollup" (
    "surveyId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "answers" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" INTEGER NOT NULL DEFAULT 0,
    "score1" INTEGER NOT NULL DEFAULT 0,
    "score2" INTEGER NOT NULL DEFAULT 0,
    "score3" INTEGER NOT NULL DEFAULT 0,
    "score4" INTEGER NOT NULL DEFAULT 0,
    "score5" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyTeamRollup_pkey" PRIMARY KEY ("surveyId","questionId","teamId")
);

-- CreateTable
CREATE TABLE "SurveyTeamRespondents" (
    "surveyId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "respondents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyTeamRespondents_pkey" PRIMARY KEY ("surveyId","teamId")
);

-- CreateTable
CREATE TABLE "OutcomeTarget" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "metric" TEXT NOT NULL,
    "improvement" DECIMAL(6,4) NOT NULL,
    "note" TEXT,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutcomeTeamMonth_month_idx" ON "OutcomeTeamMonth"("month");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeTarget_metric_key" ON "OutcomeTarget"("metric");



-- Rollup triggers (docs/decisions/0006-outcome-rollups.md). Statement-level with transition tables:
-- one aggregated upsert per statement, whatever the number of rows, so bulk imports stay fast.
-- Every contribution is added with its sign (+ new rows, - old rows), so inserts, updates and
-- deletes all keep the rollups equal to outcome_rollups_refresh(). A session that loads data in
-- bulk may SET LOCAL paceline.rollups = 'deferred' and call outcome_rollups_refresh() at the end.

CREATE FUNCTION outcome_rollup_incident_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "startedAt")::date AS "month", (("severity" = 'SEV1')::int)::bigint AS "incidentsSev1", (("severity" = 'SEV2')::int)::bigint AS "incidentsSev2", (("severity" = 'SEV3')::int)::bigint AS "incidentsSev3", (("severity" = 'SEV4')::int)::bigint AS "incidentsSev4", (("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt")::int)::bigint AS "resolvedIncidents", (CASE WHEN ("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt") THEN floor(extract(epoch FROM "resolvedAt" - "startedAt"))::bigint ELSE 0 END)::bigint AS "resolveSeconds", (coalesce("businessHourInterruptions", 0))::bigint AS "businessHourInterruptions", (coalesce("offHourInterruptions", 0))::bigint AS "offHourInterruptions", (coalesce("sleepHourInterruptions", 0))::bigint AS "sleepHourInterruptions", (coalesce("workloadMinutesWorking", 0))::bigint AS "workloadMinutesWorking", (coalesce("workloadMinutesLate", 0))::bigint AS "workloadMinutesLate", (coalesce("workloadMinutesSleeping", 0))::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows WHERE "teamId" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_incident_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "startedAt")::date AS "month", -(("severity" = 'SEV1')::int)::bigint AS "incidentsSev1", -(("severity" = 'SEV2')::int)::bigint AS "incidentsSev2", -(("severity" = 'SEV3')::int)::bigint AS "incidentsSev3", -(("severity" = 'SEV4')::int)::bigint AS "incidentsSev4", -(("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt")::int)::bigint AS "resolvedIncidents", -(CASE WHEN ("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt") THEN floor(extract(epoch FROM "resolvedAt" - "startedAt"))::bigint ELSE 0 END)::bigint AS "resolveSeconds", -(coalesce("businessHourInterruptions", 0))::bigint AS "businessHourInterruptions", -(coalesce("offHourInterruptions", 0))::bigint AS "offHourInterruptions", -(coalesce("sleepHourInterruptions", 0))::bigint AS "sleepHourInterruptions", -(coalesce("workloadMinutesWorking", 0))::bigint AS "workloadMinutesWorking", -(coalesce("workloadMinutesLate", 0))::bigint AS "workloadMinutesLate", -(coalesce("workloadMinutesSleeping", 0))::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows WHERE "teamId" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_incident_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "startedAt")::date AS "month", (("severity" = 'SEV1')::int)::bigint AS "incidentsSev1", (("severity" = 'SEV2')::int)::bigint AS "incidentsSev2", (("severity" = 'SEV3')::int)::bigint AS "incidentsSev3", (("severity" = 'SEV4')::int)::bigint AS "incidentsSev4", (("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt")::int)::bigint AS "resolvedIncidents", (CASE WHEN ("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt") THEN floor(extract(epoch FROM "resolvedAt" - "startedAt"))::bigint ELSE 0 END)::bigint AS "resolveSeconds", (coalesce("businessHourInterruptions", 0))::bigint AS "businessHourInterruptions", (coalesce("offHourInterruptions", 0))::bigint AS "offHourInterruptions", (coalesce("sleepHourInterruptions", 0))::bigint AS "sleepHourInterruptions", (coalesce("workloadMinutesWorking", 0))::bigint AS "workloadMinutesWorking", (coalesce("workloadMinutesLate", 0))::bigint AS "workloadMinutesLate", (coalesce("workloadMinutesSleeping", 0))::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows WHERE "teamId" IS NOT NULL
      UNION ALL SELECT "teamId", date_trunc('month', "startedAt")::date AS "month", -(("severity" = 'SEV1')::int)::bigint AS "incidentsSev1", -(("severity" = 'SEV2')::int)::bigint AS "incidentsSev2", -(("severity" = 'SEV3')::int)::bigint AS "incidentsSev3", -(("severity" = 'SEV4')::int)::bigint AS "incidentsSev4", -(("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt")::int)::bigint AS "resolvedIncidents", -(CASE WHEN ("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt") THEN floor(extract(epoch FROM "resolvedAt" - "startedAt"))::bigint ELSE 0 END)::bigint AS "resolveSeconds", -(coalesce("businessHourInterruptions", 0))::bigint AS "businessHourInterruptions", -(coalesce("offHourInterruptions", 0))::bigint AS "offHourInterruptions", -(coalesce("sleepHourInterruptions", 0))::bigint AS "sleepHourInterruptions", -(coalesce("workloadMinutesWorking", 0))::bigint AS "workloadMinutesWorking", -(coalesce("workloadMinutesLate", 0))::bigint AS "workloadMinutesLate", -(coalesce("workloadMinutesSleeping", 0))::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows WHERE "teamId" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_incident_insert AFTER INSERT ON "Incident" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_incident_insert();
CREATE TRIGGER outcome_rollup_incident_update AFTER UPDATE ON "Incident" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_incident_update();
CREATE TRIGGER outcome_rollup_incident_delete AFTER DELETE ON "Incident" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_incident_delete();

CREATE FUNCTION outcome_rollup_debt_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "openedOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", (1)::bigint AS "debtOpened", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows
      UNION ALL SELECT "teamId", date_trunc('month', "repaidOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", (1)::bigint AS "debtRepaid", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows WHERE "repaidOn" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_debt_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "openedOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", -(1)::bigint AS "debtOpened", -(coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows
      UNION ALL SELECT "teamId", date_trunc('month', "repaidOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", -(1)::bigint AS "debtRepaid", -(coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows WHERE "repaidOn" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_debt_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "openedOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", (1)::bigint AS "debtOpened", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows
      UNION ALL SELECT "teamId", date_trunc('month', "repaidOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", (1)::bigint AS "debtRepaid", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM new_rows WHERE "repaidOn" IS NOT NULL
      UNION ALL SELECT "teamId", date_trunc('month', "openedOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", -(1)::bigint AS "debtOpened", -(coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows
      UNION ALL SELECT "teamId", date_trunc('month', "repaidOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", -(1)::bigint AS "debtRepaid", -(coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM old_rows WHERE "repaidOn" IS NOT NULL) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_debt_insert AFTER INSERT ON "TechDebtItem" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_debt_insert();
CREATE TRIGGER outcome_rollup_debt_update AFTER UPDATE ON "TechDebtItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_debt_update();
CREATE TRIGGER outcome_rollup_debt_delete AFTER DELETE ON "TechDebtItem" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_debt_delete();

CREATE FUNCTION outcome_rollup_throughput_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "month")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", (1)::bigint AS "throughputEntries", ("featuresShipped")::bigint AS "featuresShipped" FROM new_rows) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_throughput_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "month")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", -(1)::bigint AS "throughputEntries", -("featuresShipped")::bigint AS "featuresShipped" FROM old_rows) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_throughput_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "month")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", (1)::bigint AS "throughputEntries", ("featuresShipped")::bigint AS "featuresShipped" FROM new_rows
      UNION ALL SELECT "teamId", date_trunc('month', "month")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", -(1)::bigint AS "throughputEntries", -("featuresShipped")::bigint AS "featuresShipped" FROM old_rows) d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_throughput_insert AFTER INSERT ON "ThroughputEntry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_throughput_insert();
CREATE TRIGGER outcome_rollup_throughput_update AFTER UPDATE ON "ThroughputEntry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_throughput_update();
CREATE TRIGGER outcome_rollup_throughput_delete AFTER DELETE ON "ThroughputEntry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_throughput_delete();

CREATE FUNCTION outcome_rollup_answer_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRollup" AS o ("surveyId", "questionId", "teamId", "answers", "scoreSum", "score1", "score2", "score3", "score4", "score5")
    SELECT "surveyId", "questionId", "teamId", sum("answers"), sum("scoreSum"), sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5")
    FROM (SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "answers", a."score" AS "scoreSum", (a."score" = 1)::int AS "score1", (a."score" = 2)::int AS "score2", (a."score" = 3)::int AS "score3", (a."score" = 4)::int AS "score4", (a."score" = 5)::int AS "score5" FROM new_rows a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "questionId", "teamId"
    HAVING sum("answers") <> 0 OR sum("scoreSum") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0
    ORDER BY "surveyId", "questionId", "teamId"
    ON CONFLICT ("surveyId", "questionId", "teamId") DO UPDATE SET "answers" = o."answers" + EXCLUDED."answers", "scoreSum" = o."scoreSum" + EXCLUDED."scoreSum", "score1" = o."score1" + EXCLUDED."score1", "score2" = o."score2" + EXCLUDED."score2", "score3" = o."score3" + EXCLUDED."score3", "score4" = o."score4" + EXCLUDED."score4", "score5" = o."score5" + EXCLUDED."score5";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_answer_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRollup" AS o ("surveyId", "questionId", "teamId", "answers", "scoreSum", "score1", "score2", "score3", "score4", "score5")
    SELECT "surveyId", "questionId", "teamId", sum("answers"), sum("scoreSum"), sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5")
    FROM (SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", -1 AS "answers", -a."score" AS "scoreSum", -(a."score" = 1)::int AS "score1", -(a."score" = 2)::int AS "score2", -(a."score" = 3)::int AS "score3", -(a."score" = 4)::int AS "score4", -(a."score" = 5)::int AS "score5" FROM old_rows a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "questionId", "teamId"
    HAVING sum("answers") <> 0 OR sum("scoreSum") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0
    ORDER BY "surveyId", "questionId", "teamId"
    ON CONFLICT ("surveyId", "questionId", "teamId") DO UPDATE SET "answers" = o."answers" + EXCLUDED."answers", "scoreSum" = o."scoreSum" + EXCLUDED."scoreSum", "score1" = o."score1" + EXCLUDED."score1", "score2" = o."score2" + EXCLUDED."score2", "score3" = o."score3" + EXCLUDED."score3", "score4" = o."score4" + EXCLUDED."score4", "score5" = o."score5" + EXCLUDED."score5";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_answer_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRollup" AS o ("surveyId", "questionId", "teamId", "answers", "scoreSum", "score1", "score2", "score3", "score4", "score5")
    SELECT "surveyId", "questionId", "teamId", sum("answers"), sum("scoreSum"), sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5")
    FROM (SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "answers", a."score" AS "scoreSum", (a."score" = 1)::int AS "score1", (a."score" = 2)::int AS "score2", (a."score" = 3)::int AS "score3", (a."score" = 4)::int AS "score4", (a."score" = 5)::int AS "score5" FROM new_rows a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL
      UNION ALL SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", -1 AS "answers", -a."score" AS "scoreSum", -(a."score" = 1)::int AS "score1", -(a."score" = 2)::int AS "score2", -(a."score" = 3)::int AS "score3", -(a."score" = 4)::int AS "score4", -(a."score" = 5)::int AS "score5" FROM old_rows a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "questionId", "teamId"
    HAVING sum("answers") <> 0 OR sum("scoreSum") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0
    ORDER BY "surveyId", "questionId", "teamId"
    ON CONFLICT ("surveyId", "questionId", "teamId") DO UPDATE SET "answers" = o."answers" + EXCLUDED."answers", "scoreSum" = o."scoreSum" + EXCLUDED."scoreSum", "score1" = o."score1" + EXCLUDED."score1", "score2" = o."score2" + EXCLUDED."score2", "score3" = o."score3" + EXCLUDED."score3", "score4" = o."score4" + EXCLUDED."score4", "score5" = o."score5" + EXCLUDED."score5";
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_answer_insert AFTER INSERT ON "SurveyAnswer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_answer_insert();
CREATE TRIGGER outcome_rollup_answer_update AFTER UPDATE ON "SurveyAnswer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_answer_update();
CREATE TRIGGER outcome_rollup_answer_delete AFTER DELETE ON "SurveyAnswer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_answer_delete();

CREATE FUNCTION outcome_rollup_response_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRespondents" AS o ("surveyId", "teamId", "respondents")
    SELECT "surveyId", "teamId", sum("respondents") FROM (SELECT "surveyId", coalesce("teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "respondents" FROM new_rows) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "teamId" HAVING sum("respondents") <> 0 ORDER BY "surveyId", "teamId"
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET "respondents" = o."respondents" + EXCLUDED."respondents";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRespondents" AS o ("surveyId", "teamId", "respondents")
    SELECT "surveyId", "teamId", sum("respondents") FROM (SELECT "surveyId", coalesce("teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", -1 AS "respondents" FROM old_rows) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "teamId" HAVING sum("respondents") <> 0 ORDER BY "surveyId", "teamId"
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET "respondents" = o."respondents" + EXCLUDED."respondents";
  RETURN NULL;
END
$$;
CREATE FUNCTION outcome_rollup_response_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) = 'deferred' THEN RETURN NULL; END IF;
  INSERT INTO "SurveyTeamRespondents" AS o ("surveyId", "teamId", "respondents")
    SELECT "surveyId", "teamId", sum("respondents") FROM (SELECT "surveyId", coalesce("teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "respondents" FROM new_rows UNION ALL SELECT "surveyId", coalesce("teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", -1 AS "respondents" FROM old_rows) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "teamId" HAVING sum("respondents") <> 0 ORDER BY "surveyId", "teamId"
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET "respondents" = o."respondents" + EXCLUDED."respondents";
  -- A response moved to another team or survey takes its answers along.
  INSERT INTO "SurveyTeamRollup" AS o ("surveyId", "questionId", "teamId", "answers", "scoreSum", "score1", "score2", "score3", "score4", "score5")
    SELECT "surveyId", "questionId", "teamId", sum("answers"), sum("scoreSum"), sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5")
    FROM (SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "answers", a."score" AS "scoreSum", (a."score" = 1)::int AS "score1", (a."score" = 2)::int AS "score2", (a."score" = 3)::int AS "score3", (a."score" = 4)::int AS "score4", (a."score" = 5)::int AS "score5" FROM "SurveyAnswer" a JOIN new_rows r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL
      UNION ALL SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", -1 AS "answers", -a."score" AS "scoreSum", -(a."score" = 1)::int AS "score1", -(a."score" = 2)::int AS "score2", -(a."score" = 3)::int AS "score3", -(a."score" = 4)::int AS "score4", -(a."score" = 5)::int AS "score5" FROM "SurveyAnswer" a JOIN old_rows r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "questionId", "teamId"
    HAVING sum("answers") <> 0 OR sum("scoreSum") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0
    ORDER BY "surveyId", "questionId", "teamId"
    ON CONFLICT ("surveyId", "questionId", "teamId") DO UPDATE SET "answers" = o."answers" + EXCLUDED."answers", "scoreSum" = o."scoreSum" + EXCLUDED."scoreSum", "score1" = o."score1" + EXCLUDED."score1", "score2" = o."score2" + EXCLUDED."score2", "score3" = o."score3" + EXCLUDED."score3", "score4" = o."score4" + EXCLUDED."score4", "score5" = o."score5" + EXCLUDED."score5";
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_response_insert AFTER INSERT ON "SurveyResponse" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_response_insert();
CREATE TRIGGER outcome_rollup_response_update AFTER UPDATE ON "SurveyResponse" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_response_update();
CREATE TRIGGER outcome_rollup_response_delete AFTER DELETE ON "SurveyResponse" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_response_delete();

-- A deleted response's answers would otherwise be removed by the foreign key's cascade after the
-- response is gone, when their team can no longer be looked up: delete them first, while it can.
CREATE FUNCTION outcome_rollup_response_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('paceline.rollups', true) IS DISTINCT FROM 'deferred' THEN
    DELETE FROM "SurveyAnswer" WHERE "responseId" = OLD."id";
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER outcome_rollup_response_before_delete BEFORE DELETE ON "SurveyResponse" FOR EACH ROW EXECUTE FUNCTION outcome_rollup_response_before_delete();

-- A deleted survey leaves no rollup rows behind (whatever order the cascades run in; the upserts
-- above skip surveys that no longer exist).
CREATE FUNCTION outcome_rollup_survey_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SurveyTeamRollup" WHERE "surveyId" IN (SELECT "id" FROM old_rows);
  DELETE FROM "SurveyTeamRespondents" WHERE "surveyId" IN (SELECT "id" FROM old_rows);
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_rollup_survey_delete AFTER DELETE ON "PulseSurvey" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_survey_delete();

-- Recomputes every rollup from the base tables (after a bulk load with triggers deferred, or to
-- repair). Writers wait while it runs (SHARE locks), so nothing written meanwhile is lost.
CREATE FUNCTION outcome_rollups_refresh() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Incident", "TechDebtItem", "ThroughputEntry", "SurveyResponse", "SurveyAnswer" IN SHARE MODE;
  DELETE FROM "OutcomeTeamMonth";
  DELETE FROM "SurveyTeamRollup";
  DELETE FROM "SurveyTeamRespondents";
  INSERT INTO "OutcomeTeamMonth" AS o ("teamId", "month", "incidentsSev1", "incidentsSev2", "incidentsSev3", "incidentsSev4", "resolvedIncidents", "resolveSeconds", "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions", "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping", "debtOpened", "debtOpenedPoints", "debtRepaid", "debtRepaidPoints", "throughputEntries", "featuresShipped")
    SELECT "teamId", "month", sum("incidentsSev1"), sum("incidentsSev2"), sum("incidentsSev3"), sum("incidentsSev4"), sum("resolvedIncidents"), sum("resolveSeconds"), sum("businessHourInterruptions"), sum("offHourInterruptions"), sum("sleepHourInterruptions"), sum("workloadMinutesWorking"), sum("workloadMinutesLate"), sum("workloadMinutesSleeping"), sum("debtOpened"), sum("debtOpenedPoints"), sum("debtRepaid"), sum("debtRepaidPoints"), sum("throughputEntries"), sum("featuresShipped")
    FROM (SELECT "teamId", date_trunc('month', "startedAt")::date AS "month", (("severity" = 'SEV1')::int)::bigint AS "incidentsSev1", (("severity" = 'SEV2')::int)::bigint AS "incidentsSev2", (("severity" = 'SEV3')::int)::bigint AS "incidentsSev3", (("severity" = 'SEV4')::int)::bigint AS "incidentsSev4", (("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt")::int)::bigint AS "resolvedIncidents", (CASE WHEN ("resolvedAt" IS NOT NULL AND "resolvedAt" >= "startedAt") THEN floor(extract(epoch FROM "resolvedAt" - "startedAt"))::bigint ELSE 0 END)::bigint AS "resolveSeconds", (coalesce("businessHourInterruptions", 0))::bigint AS "businessHourInterruptions", (coalesce("offHourInterruptions", 0))::bigint AS "offHourInterruptions", (coalesce("sleepHourInterruptions", 0))::bigint AS "sleepHourInterruptions", (coalesce("workloadMinutesWorking", 0))::bigint AS "workloadMinutesWorking", (coalesce("workloadMinutesLate", 0))::bigint AS "workloadMinutesLate", (coalesce("workloadMinutesSleeping", 0))::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM "Incident" WHERE "teamId" IS NOT NULL
      UNION ALL SELECT "teamId", date_trunc('month', "openedOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", (1)::bigint AS "debtOpened", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM "TechDebtItem"
      UNION ALL SELECT "teamId", date_trunc('month', "repaidOn")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", (1)::bigint AS "debtRepaid", (coalesce("points", CASE "size" WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END))::bigint AS "debtRepaidPoints", 0::bigint AS "throughputEntries", 0::bigint AS "featuresShipped" FROM "TechDebtItem" WHERE "repaidOn" IS NOT NULL
      UNION ALL SELECT "teamId", date_trunc('month', "month")::date AS "month", 0::bigint AS "incidentsSev1", 0::bigint AS "incidentsSev2", 0::bigint AS "incidentsSev3", 0::bigint AS "incidentsSev4", 0::bigint AS "resolvedIncidents", 0::bigint AS "resolveSeconds", 0::bigint AS "businessHourInterruptions", 0::bigint AS "offHourInterruptions", 0::bigint AS "sleepHourInterruptions", 0::bigint AS "workloadMinutesWorking", 0::bigint AS "workloadMinutesLate", 0::bigint AS "workloadMinutesSleeping", 0::bigint AS "debtOpened", 0::bigint AS "debtOpenedPoints", 0::bigint AS "debtRepaid", 0::bigint AS "debtRepaidPoints", (1)::bigint AS "throughputEntries", ("featuresShipped")::bigint AS "featuresShipped" FROM "ThroughputEntry") d
    GROUP BY "teamId", "month"
    HAVING sum("incidentsSev1") <> 0 OR sum("incidentsSev2") <> 0 OR sum("incidentsSev3") <> 0 OR sum("incidentsSev4") <> 0 OR sum("resolvedIncidents") <> 0 OR sum("resolveSeconds") <> 0 OR sum("businessHourInterruptions") <> 0 OR sum("offHourInterruptions") <> 0 OR sum("sleepHourInterruptions") <> 0 OR sum("workloadMinutesWorking") <> 0 OR sum("workloadMinutesLate") <> 0 OR sum("workloadMinutesSleeping") <> 0 OR sum("debtOpened") <> 0 OR sum("debtOpenedPoints") <> 0 OR sum("debtRepaid") <> 0 OR sum("debtRepaidPoints") <> 0 OR sum("throughputEntries") <> 0 OR sum("featuresShipped") <> 0
    ORDER BY "teamId", "month"
    ON CONFLICT ("teamId", "month") DO UPDATE SET "incidentsSev1" = o."incidentsSev1" + EXCLUDED."incidentsSev1", "incidentsSev2" = o."incidentsSev2" + EXCLUDED."incidentsSev2", "incidentsSev3" = o."incidentsSev3" + EXCLUDED."incidentsSev3", "incidentsSev4" = o."incidentsSev4" + EXCLUDED."incidentsSev4", "resolvedIncidents" = o."resolvedIncidents" + EXCLUDED."resolvedIncidents", "resolveSeconds" = o."resolveSeconds" + EXCLUDED."resolveSeconds", "businessHourInterruptions" = o."businessHourInterruptions" + EXCLUDED."businessHourInterruptions", "offHourInterruptions" = o."offHourInterruptions" + EXCLUDED."offHourInterruptions", "sleepHourInterruptions" = o."sleepHourInterruptions" + EXCLUDED."sleepHourInterruptions", "workloadMinutesWorking" = o."workloadMinutesWorking" + EXCLUDED."workloadMinutesWorking", "workloadMinutesLate" = o."workloadMinutesLate" + EXCLUDED."workloadMinutesLate", "workloadMinutesSleeping" = o."workloadMinutesSleeping" + EXCLUDED."workloadMinutesSleeping", "debtOpened" = o."debtOpened" + EXCLUDED."debtOpened", "debtOpenedPoints" = o."debtOpenedPoints" + EXCLUDED."debtOpenedPoints", "debtRepaid" = o."debtRepaid" + EXCLUDED."debtRepaid", "debtRepaidPoints" = o."debtRepaidPoints" + EXCLUDED."debtRepaidPoints", "throughputEntries" = o."throughputEntries" + EXCLUDED."throughputEntries", "featuresShipped" = o."featuresShipped" + EXCLUDED."featuresShipped";
  INSERT INTO "SurveyTeamRollup" AS o ("surveyId", "questionId", "teamId", "answers", "scoreSum", "score1", "score2", "score3", "score4", "score5")
    SELECT "surveyId", "questionId", "teamId", sum("answers"), sum("scoreSum"), sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5")
    FROM (SELECT r."surveyId", a."questionId", coalesce(r."teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "answers", a."score" AS "scoreSum", (a."score" = 1)::int AS "score1", (a."score" = 2)::int AS "score2", (a."score" = 3)::int AS "score3", (a."score" = 4)::int AS "score4", (a."score" = 5)::int AS "score5" FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."score" IS NOT NULL) d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "questionId", "teamId"
    HAVING sum("answers") <> 0 OR sum("scoreSum") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0
    ORDER BY "surveyId", "questionId", "teamId"
    ON CONFLICT ("surveyId", "questionId", "teamId") DO UPDATE SET "answers" = o."answers" + EXCLUDED."answers", "scoreSum" = o."scoreSum" + EXCLUDED."scoreSum", "score1" = o."score1" + EXCLUDED."score1", "score2" = o."score2" + EXCLUDED."score2", "score3" = o."score3" + EXCLUDED."score3", "score4" = o."score4" + EXCLUDED."score4", "score5" = o."score5" + EXCLUDED."score5";
  INSERT INTO "SurveyTeamRespondents" AS o ("surveyId", "teamId", "respondents")
    SELECT "surveyId", "teamId", sum("respondents") FROM (SELECT "surveyId", coalesce("teamId", '00000000-0000-0000-0000-000000000000'::uuid) AS "teamId", 1 AS "respondents" FROM "SurveyResponse") d
    WHERE EXISTS (SELECT 1 FROM "PulseSurvey" p WHERE p."id" = d."surveyId")
    GROUP BY "surveyId", "teamId" HAVING sum("respondents") <> 0 ORDER BY "surveyId", "teamId"
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET "respondents" = o."respondents" + EXCLUDED."respondents";
END
$$;

SELECT outcome_rollups_refresh();
