-- a function named after a type is that cast: float8(x), int4(x), int8(x), int2(x), text(x), bool(x), bool(x);
-- booleq/boolne are the boolean = and <>
SELECT _id, float8(quantity) / 4 AS quarter, int4(amount) AS whole, int8(quantity) * 3 AS triple, int2(customer_id) AS small,
  text(amount) AS amount_text, text(quantity > 2) AS big_text, int4('12') + 1 AS thirteen,
  float8(count(*) OVER ()) / 2 AS half_count, booleq(quantity > 2, true) AS eq, boolne(quantity > 2, NULL) AS ne, bool(quantity % 2) AS odd
FROM orders;
