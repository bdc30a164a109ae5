-- customer 4: email null; 21: email missing; 7: email ''
SELECT _id, email, email IS NULL AS null_email, coalesce(email, 'none') AS shown, length(email) AS len
FROM customers WHERE _id IN (4, 7, 21, 1);
