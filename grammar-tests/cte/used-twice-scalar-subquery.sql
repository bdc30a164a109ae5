WITH shipped AS (SELECT _id, amount FROM orders WHERE status = 'shipped')
SELECT _id, amount FROM shipped WHERE amount > (SELECT avg(amount) FROM shipped);
