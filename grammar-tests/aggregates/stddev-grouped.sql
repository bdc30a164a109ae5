-- a group with one row has no sample standard deviation (NULL) but a population one (0)
SELECT category, stddev(price) AS sd, stddev_pop(price) AS sdp, variance(stock) AS v
FROM products GROUP BY category;
