-- error at 2:25
SET sqletl.batch_size = 0;
SELECT 1;
