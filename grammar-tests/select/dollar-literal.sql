-- string literals starting with $ are data, not field paths
SELECT _id, '$5 off' AS promo, '$note' AS not_a_field, '$$' AS dd FROM orders WHERE _id < 104;
