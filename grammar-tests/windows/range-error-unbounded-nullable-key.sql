-- error at 4:13
-- a RANGE frame with an offset and an UNBOUNDED bound over a key that may be NULL:
-- PostgreSQL's NULL rows then share frames with the others
SELECT _id, sum(amount) OVER (ORDER BY shipped_on RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '7 days' FOLLOWING) FROM orders;
