SELECT _id, customer_id IN (1, 2) AS in12, customer_id IN (1, NULL) AS in1n,
       customer_id NOT IN (1, NULL) AS notin1n
FROM orders;
