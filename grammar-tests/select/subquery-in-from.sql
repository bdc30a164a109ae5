SELECT t.id, t.total
FROM (SELECT _id AS id, amount * quantity AS total FROM orders WHERE status = 'shipped') AS t
WHERE t.total > 100;
