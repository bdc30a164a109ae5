-- products 12: category and price are explicit nulls; product 7 has no released date
SELECT _id, category IS NULL AS no_category, price IS NULL AS no_price, released IS NULL AS no_date, dims IS NULL AS no_dims
FROM products;
