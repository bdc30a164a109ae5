SELECT _id FROM orders WHERE _id::text LIKE '11%' AND amount::int > 10;
