-- orders AS o(oid, cid) renames the first declared columns; the others keep their names
SELECT * FROM orders AS o(oid, cid, total) WHERE oid < 106;
