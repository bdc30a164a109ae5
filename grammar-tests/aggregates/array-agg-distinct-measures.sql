SELECT array_agg(DISTINCT flag ORDER BY flag DESC) AS flags, array_agg(DISTINCT score) AS scores,
       array_agg(DISTINCT day_text ORDER BY day_text DESC NULLS LAST) AS days
FROM measures;
