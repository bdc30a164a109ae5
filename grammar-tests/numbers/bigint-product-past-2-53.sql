-- a bigint product past 2^53 − 1 that a double holds exactly (10 × 10^15) is computed;
-- a quoted literal beside a bigint is read as a bigint (PostgreSQL's int8 * unknown), not as an integer
SELECT quantity, quantity::bigint * 1000000000000000 AS big, quantity::bigint * '1000000000000000' AS quoted FROM orders;
