-- error at 4:28
-- real (float4) is refused: PostgreSQL rounds it to single precision (CAST(19.99 AS real) * 3 is 59.969997),
-- sqletl would compute it in double precision
SELECT _id, CAST(amount AS real) * 3 AS r FROM orders;
