-- error at 3:37
-- a column of type time is refused at its type
CREATE TABLE shifts (id int, starts time);
