-- error at 3:46
-- ORDER BY … USING an operator other than < and > is not supported yet
SELECT _id FROM orders ORDER BY status USING ~<~;
