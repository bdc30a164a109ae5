SELECT _id, measure, value
FROM (SELECT o._id, v.measure, v.value
      FROM orders o CROSS JOIN LATERAL (VALUES ('quantity', o.quantity), ('discount', o.discount::int)) AS v(measure, value)) AS x
WHERE value IS NOT NULL;
