SELECT _id,
       CASE WHEN status = 'shipped' THEN CASE WHEN amount > 100 THEN 'big shipped' ELSE 'shipped' END
            WHEN status IS NULL THEN 'no status'
            ELSE status END AS label
FROM orders;
