-- '$' in the replacement is a plain character; \1 is the back-reference
SELECT _id, regexp_replace(note, '\$(\d+)', 'USD \1', 'g') AS usd, regexp_replace(note, 'off', '$$ saved') AS saved
FROM orders;
