-- error at 3:30
-- identity columns are not supported yet
CREATE TABLE tickets (id int GENERATED ALWAYS AS IDENTITY, title text);
