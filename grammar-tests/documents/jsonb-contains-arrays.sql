-- arrays: any order, duplicates; at the top level an array contains a scalar element; a missing key is NULL
SELECT _id,
  payload @> '{"items": ["S-500"]}' AS has_s500,
  payload->'items' @> '"W-100"' AS top_scalar,
  payload->'items' <@ '["G-400", "S-500", "W-100"]' AS within,
  payload @> '{"items": []}' AS has_items,
  payload @> '{"items": "S-500"}' AS nested_scalar
FROM events;
