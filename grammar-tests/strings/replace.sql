SELECT _id, replace(note, '$', 'USD ') AS usd, replace(note, 'off', '') AS no_off, replace(note, ' ', '_') AS under
FROM orders;
