-- error at 2:1
MERGE INTO customers AS t USING orders AS s ON t._id = s.customer_id WHEN MATCHED THEN DELETE;
