SELECT _id, measure, value
FROM (SELECT o._id, v.measure, v.value
      FROM orders o CROSS JOIN LATERAL (VALUES ('quantity', o.quantity::bigint), ('discount', o.discount::bigint)) AS v(measure, value)) AS x
WHERE value IS NOT NULL AND _id < 120;
