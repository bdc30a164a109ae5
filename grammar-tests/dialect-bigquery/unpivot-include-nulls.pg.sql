SELECT o._id, v.measure, v.value
FROM orders o CROSS JOIN LATERAL (VALUES ('note', o.note), ('status', o.status)) AS v(measure, value)
WHERE o._id < 110;
