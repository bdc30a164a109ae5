-- ordered
SELECT _id, (profile->>'score')::numeric AS score FROM customers ORDER BY (profile->>'score')::numeric DESC NULLS LAST, _id;
