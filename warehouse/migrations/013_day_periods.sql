-- 013 periods of days: "2022-06-01..2022-06-19" ("from June 1 to June 19"), "2022-06-19".
-- A METRIC period may now name days as well as years and months (docs/CONTRACTS.md). 001's
-- news.period_start / news.period_end gave NULL for those; they now give the first and last day.
-- A date that does not exist ("2022-02-30") gives NULL, as any text that is not a period. Stored
-- rows keep their bounds: no period the extractor wrote before this version names a day.

-- One end of a period ("2019", "2020-05", "2022-06-19") -> its first day, or with last_day its last day.
-- Plain SQL, IMMUTABLE and not STRICT so the planner inlines it (each CASE arm is tested before it is
-- evaluated, so a token that is not a date never reaches make_date).
CREATE FUNCTION news.period_bound(token text, last_day boolean) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN token ~ '^[12][0-9]{3}$'
      THEN CASE WHEN last_day THEN make_date(token::int, 12, 31) ELSE make_date(token::int, 1, 1) END
    WHEN token ~ '^[12][0-9]{3}-(0[1-9]|1[0-2])$'
      THEN CASE WHEN last_day
        THEN (make_date(left(token, 4)::int, substr(token, 6, 2)::int, 1) + interval '1 month' - interval '1 day')::date
        ELSE make_date(left(token, 4)::int, substr(token, 6, 2)::int, 1)
      END
    WHEN token ~ '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
      THEN CASE WHEN substr(token, 9, 2)::int <= extract(day FROM make_date(left(token, 4)::int, substr(token, 6, 2)::int, 1)
                                                         + interval '1 month' - interval '1 day')
        THEN make_date(left(token, 4)::int, substr(token, 6, 2)::int, substr(token, 9, 2)::int)
      END
  END
$$;

CREATE OR REPLACE FUNCTION news.period_start(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN period ~ '^[12][0-9]{3}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?(\.\.[12][0-9]{3}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?)?$'
    THEN news.period_bound(split_part(period, '..', 1), false)
  END
$$;

CREATE OR REPLACE FUNCTION news.period_end(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN period ~ '^[12][0-9]{3}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?(\.\.[12][0-9]{3}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?)?$'
    THEN news.period_bound(CASE WHEN strpos(period, '..') > 0 THEN split_part(period, '..', 2) ELSE period END, true)
  END
$$;

COMMENT ON FUNCTION news.period_bound(text, boolean) IS 'First (or with last_day, last) day of one end of a period ("2019", "2020-05", "2022-06-19"); NULL if not a date.';
COMMENT ON FUNCTION news.period_start(text) IS 'First day of a metric period ("2019" -> 2019-01-01, "2020-01..2020-05" -> 2020-01-01, "2022-06-01..2022-06-19" -> 2022-06-01); NULL if not a period.';
COMMENT ON FUNCTION news.period_end(text) IS 'Last day of a metric period ("2019" -> 2019-12-31, "2020-01..2020-05" -> 2020-05-31, "2022-06-01..2022-06-19" -> 2022-06-19); NULL if not a period.';
