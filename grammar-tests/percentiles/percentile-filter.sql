SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE quantity > 1) AS m_multi FROM orders GROUP BY status;
