-- an offset written as a cast constant (2::int8, 1::int2, 1.5::numeric, 2.5::int) is the constant, rounded as the cast rounds
SELECT _id,
       sum(quantity) OVER (ORDER BY quantity RANGE BETWEEN 2::int8 PRECEDING AND 1::int2 PRECEDING) AS r1,
       sum(quantity) OVER (ORDER BY quantity DESC RANGE BETWEEN 2::int8 PRECEDING AND 1::int2 PRECEDING) AS r2,
       count(*) OVER (ORDER BY quantity RANGE BETWEEN 1::int PRECEDING AND 1::int FOLLOWING EXCLUDE CURRENT ROW) AS r3,
       sum(amount) OVER (ORDER BY amount RANGE BETWEEN 1.5::numeric PRECEDING AND CURRENT ROW) AS r4,
       count(*) OVER (ORDER BY _id ROWS BETWEEN 2.5::int PRECEDING AND 1.5::bigint FOLLOWING) AS r5
FROM orders WHERE quantity IS NOT NULL AND amount IS NOT NULL;
