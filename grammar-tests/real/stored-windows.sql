-- ordered
-- windows over a stored real column: RANGE frames around the singles, ranks of equal singles
SELECT _id, r, min(_id) OVER w AS low, max(_id) OVER w AS high,
       count(*) OVER (ORDER BY r RANGE BETWEEN 1 PRECEDING AND 1.1::real FOLLOWING) AS near,
       rank() OVER (ORDER BY r) AS rank, lag(r) OVER (ORDER BY _id) AS prev
FROM singles WHERE _id <> 7
WINDOW w AS (ORDER BY r RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
ORDER BY _id;
