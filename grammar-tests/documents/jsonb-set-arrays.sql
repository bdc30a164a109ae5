-- array steps: 0-based, negative from the end, out of range appends (or prepends before the start) with create_missing;
-- a JSON null and a document as the new value; a scalar on the way stops the walk
SELECT _id,
  jsonb_set(payload, '{items,0}', '"X"') AS first,
  jsonb_set(payload, '{items,-1}', '"X"') AS last,
  jsonb_set(payload, ARRAY['items', '5'], '"X"') AS appended,
  jsonb_set(payload, '{items,-9}', '"X"') AS prepended,
  jsonb_set(payload, '{items,5}', '"X"', false) AS unchanged,
  jsonb_set(payload, '{device,os}', '{"name": "linux", "v": [1, null]}') AS nested,
  jsonb_set(payload, '{page}', 'null') AS null_page,
  jsonb_set(payload, '{page,x}', '1') AS through_scalar,
  jsonb_set(payload, '{"a b"}', payload->'ref') AS from_column
FROM events;
