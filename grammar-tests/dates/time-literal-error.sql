-- error at 3:13
-- the type time is not supported yet: a typed literal is refused at the type name
SELECT _id, TIME '13:45:10' AS t FROM orders;
