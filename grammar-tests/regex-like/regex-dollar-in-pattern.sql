SELECT _id, note FROM orders WHERE note ~ '\$\d+';
