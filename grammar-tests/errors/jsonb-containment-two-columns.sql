-- error at 3:67
-- jsonb containment of two columns: one side must be a constant
SELECT c._id, d._id FROM customers c, customers d WHERE c.profile @> d.profile;
