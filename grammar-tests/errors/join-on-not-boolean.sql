-- error at 3:43
SELECT c._id FROM customers c JOIN orders o
  ON c._id = o.customer_id AND o.quantity + 0 ORDER BY 1;
