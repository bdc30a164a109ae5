-- the CTE "valued" is read twice: by "expensive" and by "cheap", whose counts are combined
WITH valued AS (SELECT _id, price * stock AS value FROM products WHERE price IS NOT NULL),
     expensive AS (SELECT count(*) AS n FROM valued WHERE value >= 500),
     cheap AS (SELECT count(*) AS n FROM valued WHERE value < 500)
SELECT (SELECT n FROM expensive) AS expensive, (SELECT n FROM cheap) AS cheap;
