-- keys and values that look like MongoDB operators or paths are data: "$internal error" is event 10's message
SELECT _id,
  payload @> '{"message": "$internal error"}' AS dollar_value,
  payload @> '{"$message": "x"}' AS dollar_key,
  payload ? 'ref.source' AS dotted_key,
  jsonb_set(payload, '{"a.b"}', '"$v"') AS set_dotted
FROM events WHERE _id IN (2, 10, 16);
