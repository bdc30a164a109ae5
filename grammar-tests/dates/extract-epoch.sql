SELECT _id, extract(epoch FROM ordered_at) AS e, extract(epoch FROM shipped_on) AS es FROM orders;
