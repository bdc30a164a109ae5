-- error at 3:31
-- generate_series over numeric or dates is not supported yet
SELECT * FROM generate_series(1.5, 5);
