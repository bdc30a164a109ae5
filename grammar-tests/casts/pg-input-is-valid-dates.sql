-- pg_input_is_valid to date and timestamp: ISO text, a day the calendar lacks, text without digits
CREATE TABLE dirty (id int PRIMARY KEY, v text);
INSERT INTO dirty VALUES (1, '2024-02-29'), (2, '2024-02-30'), (3, 'N/A'), (4, ''), (5, NULL), (6, '2024-01-05 10:30:00'), (7, ' 2023-12-31 '), (8, '2024-13-01');
SELECT id, pg_input_is_valid(v, 'date') AS d, pg_input_is_valid(v, 'timestamp') AS ts FROM dirty ORDER BY id;
