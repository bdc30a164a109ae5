-- error
SELECT _id FROM orders o JOIN customers c ON c._id = o.customer_id;
