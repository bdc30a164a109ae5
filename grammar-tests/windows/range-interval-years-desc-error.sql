-- error at 4:8
-- a RANGE offset in years over a descending date key is refused naming that (it said "mixing months with days or time")
SELECT _id, shipped_on,
       sum(amount) OVER (ORDER BY shipped_on DESC RANGE BETWEEN '1 year' PRECEDING AND CURRENT ROW) AS s
FROM orders;
