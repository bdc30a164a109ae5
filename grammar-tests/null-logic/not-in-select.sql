SELECT _id, NOT (discount > 1) AS small_discount, NOT (status = 'shipped') AS not_shipped FROM orders;
