-- error at 3:23
-- PostgreSQL: invalid input syntax for type boolean: "2024-02-29" ($toBool would call any string true)
SELECT _id, day_text::boolean AS b FROM measures WHERE _id = 1;
