SELECT a._id, b._id AS later FROM orders a JOIN orders b ON b.customer_id = a.customer_id AND b._id > a._id;
