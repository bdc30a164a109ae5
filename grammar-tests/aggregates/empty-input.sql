-- aggregates without GROUP BY yield one row even when no row matches
SELECT count(*), count(discount), sum(amount), avg(amount), min(amount), max(amount),
       bool_and(amount > 0), array_agg(_id), string_agg(note, ',')
FROM orders WHERE amount > 100000;
