-- error at 3:72
-- JOIN LATERAL … USING is refused at USING (join ON the columns instead)
SELECT * FROM customers c JOIN LATERAL (SELECT c._id AS _id, 1 AS z) x USING (_id);
