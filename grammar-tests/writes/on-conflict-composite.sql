-- ordered
CREATE TABLE monthly (status text, month timestamptz, n int, total numeric, PRIMARY KEY (status, month));
INSERT INTO monthly SELECT status, date_trunc('month', ordered_at), count(*), sum(amount) FROM orders WHERE _id < 120 AND ordered_at IS NOT NULL AND status IS NOT NULL GROUP BY 1, 2;
INSERT INTO monthly SELECT status, date_trunc('month', ordered_at), count(*), sum(amount) FROM orders WHERE ordered_at IS NOT NULL AND status IS NOT NULL GROUP BY 1, 2
ON CONFLICT (status, month) DO UPDATE SET n = EXCLUDED.n, total = EXCLUDED.total;
SELECT * FROM monthly ORDER BY status, month;
