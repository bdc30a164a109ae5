-- error at 4:10
-- ORDER BY the whole row of an outer join's NULL-extended side is not supported yet
SELECT o._id FROM orders o LEFT JOIN (SELECT _id, tier FROM customers) c ON c._id = o.customer_id
ORDER BY c;
