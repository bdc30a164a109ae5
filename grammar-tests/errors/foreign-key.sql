-- error at 3:60
-- FOREIGN KEY constraints are not supported (sqletl would not check them)
CREATE TABLE order_lines (id int PRIMARY KEY, order_id int REFERENCES orders (_id));
