-- an equi-join on a float key matches NaN with NaN (never NULL with NULL)
SELECT a._id AS a_id, b._id AS b_id, a.val FROM readings a JOIN readings b ON a.val = b.amt::float8 AND a._id <> b._id;
