-- error at 3:14
-- the whole row of a FULL JOIN's left side: a row the join NULL-extended cannot be told from one of NULL columns
SELECT count(a.*) FROM (SELECT _id FROM orders) a FULL JOIN (SELECT _id FROM customers) c ON c._id = a._id;
