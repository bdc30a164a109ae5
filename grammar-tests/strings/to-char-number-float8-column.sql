-- to_char of a double precision column (ties, an infinity, missing values) and of a numeric column
SELECT _id, to_char(score, 'FM99999999999.0') AS s, to_char(score, '999.9') AS narrow, to_char(amount, '999999999999.9') AS a
FROM measures;
