-- ordered
-- UNION of stored singles: duplicates are equal singles
SELECT r FROM singles WHERE grp = 'a' UNION SELECT r FROM singles WHERE grp = 'e' ORDER BY r;
