-- a CASE over numeric(p, s) branches has at most the largest of their scales: a sum of it is exact
-- (TPC-H q14's `sum(CASE WHEN … THEN l_extendedprice * (1 - l_discount) ELSE 0 END)`), and so is a plain
-- numeric branch's at run time; CASE text keeps each branch's scale when they all have the same
CREATE TABLE li (id int PRIMARY KEY, kind text, price numeric(12,2), discount numeric(4,2), x numeric);
INSERT INTO li VALUES (1, 'promo', 0.10, 0.10, 0.1), (2, 'promo', 0.20, 0.00, 0.2), (3, 'std', 19.99, 0.05, 0.7),
  (4, 'promo', 1.15, 0.03, NULL), (5, 'std', NULL, 0.01, 0.3), (6, 'promo', 0.70, NULL, 0.1);
SELECT kind,
       sum(CASE WHEN kind = 'promo' THEN price * (1 - discount) ELSE 0 END) AS promo,
       sum(CASE WHEN kind = 'promo' THEN price * (1 - discount) ELSE 0 END) = 1.4055 AS promo_exact,
       sum(CASE WHEN price > 0.15 THEN x ELSE 0.1 END) AS plain_branch,
       sum(CASE WHEN price > 0.15 THEN x ELSE 0.1 END) IN (0.4, 0.8) AS plain_exact,
       min((CASE WHEN kind = 'promo' THEN price ELSE discount END)::text) AS same_scale_text
FROM li
GROUP BY kind;
