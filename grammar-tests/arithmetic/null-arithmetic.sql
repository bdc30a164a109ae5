SELECT _id, amount - discount AS net, quantity * discount AS qd FROM orders;
