-- error at 3:53
-- a row value is no join condition (PostgreSQL: "… not type orders"; sqletl names it record): before, a TypeError in lowering
SELECT c._id FROM customers c LEFT JOIN orders o ON o;
