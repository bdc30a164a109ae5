-- ordered
-- backticks, LIMIT offset, count; MySQL sorts NULLs first ascending
SELECT `_id`, `email` FROM `customers` ORDER BY `email`, `_id` LIMIT 2, 5;
