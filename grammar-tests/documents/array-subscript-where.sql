SELECT _id, tags FROM customers WHERE tags[1] = 'vip';
