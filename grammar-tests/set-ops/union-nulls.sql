SELECT discount FROM orders UNION SELECT NULL::numeric;
