SELECT _id, -amount AS neg, -(-quantity) AS pos, - _id AS negid FROM orders WHERE _id < 106;
