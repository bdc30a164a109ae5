-- error at 3:25
-- lag/lead with an offset read from the row (PostgreSQL evaluates it per row) is refused at the call, naming it
SELECT _id, lag(amount, quantity) OVER (ORDER BY _id) AS prev FROM orders;
