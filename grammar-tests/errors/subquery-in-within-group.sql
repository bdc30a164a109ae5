-- error at 3:8
-- a subquery inside an ordered-set aggregate's input is refused like one inside sum(…)
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY (SELECT (SELECT amount))) FROM orders;
