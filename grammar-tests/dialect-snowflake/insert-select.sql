CREATE TABLE tier_totals (tier VARCHAR PRIMARY KEY, total NUMBER(12, 2), customers INTEGER);
INSERT INTO tier_totals (tier, total, customers)
SELECT c.tier, SUM(o.amount), COUNT(DISTINCT c._id)
FROM customers c JOIN orders o ON o.customer_id = c._id
WHERE c.tier IS NOT NULL AND c.tier <> ''
GROUP BY c.tier;
UPDATE tier_totals SET total = total * 2 WHERE tier = 'gold';
SELECT tier, total, customers FROM tier_totals;
