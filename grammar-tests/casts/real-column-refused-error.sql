-- error at 2:50
CREATE TABLE readings (id int PRIMARY KEY, value float4);
SELECT 1 AS one;
