SELECT _id, row_number() OVER w AS rn, rank() OVER w AS r, sum(amount) OVER w AS s, lag(_id) OVER w AS prev FROM orders WINDOW w AS (PARTITION BY status ORDER BY _id);
