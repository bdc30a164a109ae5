-- Constant numeric expressions are exact decimals, as PostgreSQL's numeric:
-- 0.06 + 0.01 is 0.07 (as doubles, 0.06999999999999999).
SELECT 0.06 + 0.01 = 0.07 AS exact_sum, 0.3 - 0.1 = 0.2 AS exact_difference, 1.1 * 3 = 3.3 AS exact_product,
       10 / 4.0 AS quotient, 7 % 3 AS int_mod, -7 % 3 AS negative_mod, 2.5 % 1 AS numeric_mod, -(0.1 + 0.2) AS negated,
       7 / 2 AS int_div, 1.0 / 3 AS inexact_quotient;
