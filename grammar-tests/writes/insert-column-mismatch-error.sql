-- error
CREATE TABLE two (a int, b int);
INSERT INTO two (a, b) SELECT 1;
