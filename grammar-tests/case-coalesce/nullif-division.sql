SELECT _id, amount / nullif(quantity, 0) AS unit, nullif(quantity, 0) AS q FROM orders;
