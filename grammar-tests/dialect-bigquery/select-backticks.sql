-- ordered
-- backtick identifiers, LIMIT; BigQuery sorts NULLs first ascending
SELECT `first_name`, `last_name` FROM `customers` WHERE `tier` = 'gold' ORDER BY `last_name`, `_id` LIMIT 4;
