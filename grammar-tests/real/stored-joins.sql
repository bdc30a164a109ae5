-- a job's real table (INSERT rounds) joined to the stored singles; NULLs never match
CREATE TABLE wanted (w real, label text);
INSERT INTO wanted VALUES (1.1, 'one point one'), (324.78, 'big'), (NULL, 'none'), (0.25, 'absent'), (1004.3, 'text');
SELECT w.label, s._id FROM wanted w LEFT JOIN singles s ON s.r = w.w;
