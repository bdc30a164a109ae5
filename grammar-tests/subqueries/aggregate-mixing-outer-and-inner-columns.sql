-- an aggregate reading a column of the subquery (alone or with outer ones) belongs to the subquery
SELECT _id, (SELECT max(i.amount + o.amount) FROM orders i WHERE i.customer_id = o.customer_id) AS m,
       (SELECT count(*) FROM orders i WHERE i.customer_id = o.customer_id) AS n
FROM orders o WHERE _id <= 20;
