-- ordered
SELECT _id FROM products ORDER BY _id DESC LIMIT 2 + 1 OFFSET 1 * 2;
