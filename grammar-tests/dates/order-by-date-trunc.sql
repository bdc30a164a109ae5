-- ordered
SELECT _id, date_trunc('day', ts) AS day FROM events ORDER BY day DESC, _id;
