SELECT _id, email = '' AS is_empty, email <> '' AS non_empty, email IS NULL AS is_null,
       email = NULL AS eq_null
FROM customers;
