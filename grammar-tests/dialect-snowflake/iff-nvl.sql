-- IFF, NVL, NVL2, IFNULL, ZEROIFNULL, :: casts, DIV0
SELECT _id,
       IFF(amount > 100, 'big', 'small') AS size,
       NVL(note, '-') AS note,
       NVL2(shipped_on, 'shipped', 'open') AS state,
       IFNULL(status, 'unknown') AS status,
       ZEROIFNULL(discount) AS discount,
       amount::int AS whole,
       DIV0(amount, quantity) AS unit_price
FROM orders;
