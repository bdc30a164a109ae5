-- the same over the whole table, and over no rows
SELECT min(val), max(val), min(amt), max(amt), greatest(min(val), max(amt)), least(max(val), min(amt)) FROM readings
UNION ALL
SELECT min(val), max(val), min(amt), max(amt), NULL, NULL FROM readings WHERE _id < 0;
