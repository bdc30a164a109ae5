SELECT _id, measure, value
FROM (SELECT o._id, v.measure, v.value
      FROM orders o CROSS JOIN LATERAL (VALUES ('amount', o.amount::float8), ('discount', o.discount::float8)) AS v(measure, value)) AS x
WHERE value IS NOT NULL;
