-- trigonometric and hyperbolic functions, degrees/radians, pi, cbrt and the |/ and ||/ operators
SELECT _id, sin(amount), cos(quantity), tan(amount / 100), cot(quantity), atan(amount), atan2(amount, quantity),
  sinh(quantity), cosh(quantity), tanh(amount), asinh(amount), degrees(amount), radians(quantity), pi() * quantity,
  cbrt(amount), cbrt(-quantity), |/ abs(quantity), ||/ amount
FROM orders;
