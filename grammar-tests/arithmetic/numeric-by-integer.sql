SELECT _id, amount / quantity AS unit FROM orders WHERE quantity <> 0;
