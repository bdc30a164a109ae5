SELECT _id, json_build_object('id', _id, 'status', status, 'amount', amount) AS doc FROM orders WHERE _id < 106;
