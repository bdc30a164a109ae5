-- PostgreSQL's text form of a timestamptz (session time zone UTC)
SELECT _id, ordered_at::text AS t, 'at ' || ordered_at AS at_text, shipped_on::timestamp::text AS ts FROM orders;
