-- renamed columns join and group like any other (NULL customer ids never match)
SELECT c.cid, c.first_name, count(o.oid) AS n, sum(o.amount) AS total
FROM customers AS c(cid) LEFT JOIN orders AS o(oid, cid) USING (cid)
GROUP BY c.cid, c.first_name;
